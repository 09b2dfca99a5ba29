using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Application.Identity;

/// <summary>
/// 忘记密码: the code sent to the account's number (<see cref="PhoneCodePurpose.ResetPassword"/>) sets a new password. The
/// failed-attempt count is cleared (the person proved they hold the number); a lockout already running stays. Logged.
/// </summary>
public static class ResetPassword
{
    public sealed record Command(string? Phone, string? Code, string? NewPassword) : IUseCase<Done>;

    public sealed class Handler(PhoneCodeService codes, PhoneAccounts phones, UserManager<AppUser> users, ServiceLog log, Persistence.AppDbContext db) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            if (PhoneNumbers.Normalize(command.Phone) is not { } phone) return Error.Invalid("phone", AccountErrors.Phone);
            if (Passwords.Check(command.NewPassword, "newPassword") is { } weak) return weak;
            var used = await codes.ConsumeAsync(phone, PhoneCodePurpose.ResetPassword, command.Code, ct);
            if (!used.Succeeded) return used.Cast<Done>();
            if ((await phones.FindAsync(phone, ct))?.Account is not { } account) return Error.Invalid("code", PhoneCodeErrors.Wrong);
            var entry = log.Write(account.Id, ServiceActions.PasswordReset, ServiceTargets.Account, account.Id, "sms");
            var token = await users.GeneratePasswordResetTokenAsync(account);
            var reset = await users.ResetPasswordAsync(account, token, command.NewPassword!);
            if (!reset.Succeeded)
            {
                db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
                return Passwords.Rejected(reset, "newPassword");
            }
            await users.ResetAccessFailedCountAsync(account);
            return Done.Value;
        }
    }
}

/// <summary>The password rules every form shares: at least 8 characters, then Identity's own checks.</summary>
public static class Passwords
{
    public const int MinimumLength = 8;

    public static Error? Check(string? password, string field) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumLength ? Error.Invalid(field, AccountErrors.Password)
        : password.Length > 200 ? Error.Invalid(field, AccountErrors.PasswordRejected, "too long")
        : null;

    public static Error Rejected(IdentityResult result, string field) =>
        result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
            ? Error.Invalid(field, AccountErrors.Password)
            : Error.Invalid(field, AccountErrors.PasswordRejected, string.Join(" ", result.Errors.Select(e => e.Description)));
}
