using System.Text.RegularExpressions;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Privacy;
using Gongjiang.Application.Talent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Identity;

/// <summary>
/// A person signs up as a seeker: user name, password, name, optional mobile number, birth year (under 16 refused) and
/// explicit consent to the processing rules. Creates the account in the Seeker role, the empty profile with the contact
/// data and the recorded consent, all in one transaction. A user name or mobile number already on record is a conflict.
/// </summary>
public static partial class RegisterSeeker
{
    public sealed record Command(string? UserName, string? Password, string? Name, string? Phone, int? BirthYear, bool Consent) : IUseCase<AppUser>;

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, PrivacyService privacy, TalentService talent, TimeProvider clock)
        : IUseCaseHandler<Command, AppUser>
    {
        public async Task<Result<AppUser>> HandleAsync(Command command, CancellationToken ct)
        {
            var errors = new ErrorList();
            var userName = command.UserName?.Trim() ?? "";
            var name = command.Name?.Trim() ?? "";
            var phone = PersonalDataProtector.NormalizePhone(command.Phone);
            if (!UserNamePattern().IsMatch(userName)) errors.Add("userName", AccountErrors.UserName);
            if (name.Length is 0 or > 30) errors.Add("name", AccountErrors.Name);
            if (phone is not null && !PhonePattern().IsMatch(phone)) errors.Add("phone", AccountErrors.Phone);
            if (string.IsNullOrEmpty(command.Password) || command.Password.Length < 8) errors.Add("password", AccountErrors.Password);
            if (privacy.RegistrationRefusal(command.BirthYear, consented: true) is { } ageRefusal) errors.Add(ageRefusal.ForField("birthYear"));
            if (!command.Consent) errors.Add("consent", AccountErrors.Consent);
            if (!errors.IsEmpty) return errors;

            if (await users.FindByNameAsync(userName) is not null) return Error.Conflict(AccountErrors.UserNameTaken);
            if (phone is not null && await talent.FindTalentIdByIdentityAsync(phone, null, ct) is not null) return Error.Conflict(AccountErrors.PhoneRegistered);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = new AppUser { UserName = userName, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, command.Password!);
            if (!created.Succeeded)
                return created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                    ? Error.Invalid("password", AccountErrors.Password)
                    : Error.Invalid("password", AccountErrors.PasswordRejected, string.Join(" ", created.Errors.Select(e => e.Description)));
            var role = await users.AddToRoleAsync(user, Roles.Seeker);
            if (!role.Succeeded) throw new InvalidOperationException($"The seeker role could not be given: {string.Join(" ", role.Errors.Select(e => e.Description))}");
            await privacy.CreateSeekerProfileAsync(user, name, phone, command.BirthYear!.Value, ct);
            await tx.CommitAsync(ct);
            return user;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{3,30}$")] private static partial Regex UserNamePattern();
    [GeneratedRegex("^1[3-9][0-9]{9}$")] private static partial Regex PhonePattern();
}
