using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Application.Identity;

/// <summary>A signed-in user changes their password, giving the current one. Logged.</summary>
public static class ChangePassword
{
    public sealed record Command(string? CurrentPassword, string? NewPassword) : IUseCase<Done>;

    public sealed class Handler(ICurrentUser currentUser, UserManager<AppUser> users, ServiceLog log, Persistence.AppDbContext db) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { } actor || await users.FindByIdAsync(actor.UserId) is not { } user)
                return Error.Forbidden(AccountErrors.NotFound);
            if (string.IsNullOrEmpty(command.CurrentPassword)) return Error.Invalid("currentPassword", AccountErrors.WrongPassword);
            if (Passwords.Check(command.NewPassword, "newPassword") is { } weak) return weak;
            // Saved with the change itself (the user store saves the same unit of work), or not at all.
            var entry = log.Write(user.Id, ServiceActions.PasswordChanged, ServiceTargets.Account, user.Id);
            var changed = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword!);
            if (!changed.Succeeded) db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            if (!changed.Succeeded)
                return changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                    ? Error.Invalid("currentPassword", AccountErrors.WrongPassword)
                    : Passwords.Rejected(changed, "newPassword");
            return Done.Value;
        }
    }
}
