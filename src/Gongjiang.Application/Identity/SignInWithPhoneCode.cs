using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Application.Identity;

/// <summary>
/// Sign-in without the password: the code sent to the account's number (<see cref="PhoneCodePurpose.SignIn"/>). A locked
/// or disabled account stays shut. The caller signs the returned account in.
/// </summary>
public static class SignInWithPhoneCode
{
    public sealed record Command(string? Phone, string? Code) : IUseCase<AppUser>;

    public sealed class Handler(PhoneCodeService codes, PhoneAccounts phones, UserManager<AppUser> users) : IUseCaseHandler<Command, AppUser>
    {
        public async Task<Result<AppUser>> HandleAsync(Command command, CancellationToken ct)
        {
            if (PhoneNumbers.Normalize(command.Phone) is not { } phone) return Error.Invalid("phone", AccountErrors.Phone);
            var used = await codes.ConsumeAsync(phone, PhoneCodePurpose.SignIn, command.Code, ct);
            if (!used.Succeeded) return used.Cast<AppUser>();
            if ((await phones.FindAsync(phone, ct))?.Account is not { } account) return Error.Invalid("code", PhoneCodeErrors.Wrong);
            if (await users.IsLockedOutAsync(account)) return Error.Refused(AccountErrors.LockedOut);
            return account;
        }
    }
}
