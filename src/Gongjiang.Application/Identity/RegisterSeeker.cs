using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Identity;

/// <summary>
/// A person signs up as a seeker: user name, password, name, mobile number with the code sent to it
/// (<see cref="RequestPhoneCode"/>, purpose Register), birth year (under 16 refused) and explicit consent to the
/// processing rules. Creates the account in the Seeker role, the profile with the contact data and the recorded
/// consent, all in one transaction. When the number is held by a profile an employer or the zone imported, the account
/// claims that profile instead of creating a second one (the code proves the person holds the number). A number that
/// already has an account never received a code, so its registration fails like any wrong code: the answers do not
/// tell whether a number is on record. A user name already taken is a conflict.
/// </summary>
public static class RegisterSeeker
{
    public sealed record Command(string? UserName, string? Password, string? Name, string? Phone, string? Code, int? BirthYear, bool Consent) : IUseCase<AppUser>;

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, PrivacyService privacy, PhoneCodeService codes, PhoneAccounts phones, TimeProvider clock)
        : IUseCaseHandler<Command, AppUser>
    {
        public async Task<Result<AppUser>> HandleAsync(Command command, CancellationToken ct)
        {
            var errors = new ErrorList();
            var userName = command.UserName?.Trim() ?? "";
            var name = command.Name?.Trim() ?? "";
            var phone = PhoneNumbers.Normalize(command.Phone);
            if (!UserNames.IsValid(userName)) errors.Add("userName", AccountErrors.UserName);
            if (name.Length is 0 or > 30) errors.Add("name", AccountErrors.Name);
            if (phone is null) errors.Add("phone", AccountErrors.Phone);
            if (string.IsNullOrWhiteSpace(command.Code)) errors.Add("code", PhoneCodeErrors.Wrong);
            if (Passwords.Check(command.Password, "password") is { } weak) errors.Add(weak);
            if (privacy.RegistrationRefusal(command.BirthYear, consented: true) is { } ageRefusal) errors.Add(ageRefusal.ForField("birthYear"));
            if (!command.Consent) errors.Add("consent", AccountErrors.Consent);
            if (!errors.IsEmpty) return errors;

            if (await users.FindByNameAsync(userName) is not null) return Error.Conflict(AccountErrors.UserNameTaken);
            var used = await codes.ConsumeAsync(phone, PhoneCodePurpose.Register, command.Code, ct);
            if (!used.Succeeded) return used.Cast<AppUser>();
            var holder = await phones.FindAsync(phone!, ct);
            if (holder?.Account is not null) return Error.Invalid("code", PhoneCodeErrors.Wrong);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = new AppUser { UserName = userName, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, command.Password!);
            if (!created.Succeeded) return Passwords.Rejected(created, "password");
            var role = await users.AddToRoleAsync(user, Roles.Seeker);
            if (!role.Succeeded) throw new InvalidOperationException($"The seeker role could not be given: {string.Join(" ", role.Errors.Select(e => e.Description))}");
            if (holder is null) await privacy.CreateSeekerProfileAsync(user, name, phone, command.BirthYear!.Value, ct);
            else await privacy.ClaimProfileAsync(user, holder.TalentId!, name, command.BirthYear!.Value, ct);
            await tx.CommitAsync(ct);
            return user;
        }
    }
}
