using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Application.Privacy;

/// <summary>
/// The user deletes their account, confirmed with the password (《个人信息保护法》第四十七条): account, profile, contact
/// data and consents go; applications stay only anonymised for the employers' statistics. Answers the erasure record.
/// </summary>
public static class EraseMyAccount
{
    public sealed record Command(string? Password) : IUseCase<ErasureRecord>;

    public sealed class Handler(PrivacyService privacy, ICurrentUser currentUser, UserManager<AppUser> users) : IUseCaseHandler<Command, ErasureRecord>
    {
        public async Task<Result<ErasureRecord>> HandleAsync(Command command, CancellationToken ct)
        {
            var actor = await currentUser.GetAsync(ct);
            var user = actor is null ? null : await users.FindByIdAsync(actor.UserId);
            if (user is null) return Error.NotFound(AccountErrors.NotFound);
            if (string.IsNullOrEmpty(command.Password) || !await users.CheckPasswordAsync(user, command.Password))
                return Error.Invalid("password", AccountErrors.WrongPassword);
            var record = await privacy.EraseAsync(user.Id, "request", ct);
            return record is null ? Error.NotFound(AccountErrors.NotFound) : record;
        }
    }
}
