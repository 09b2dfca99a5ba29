using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Privacy;
using Gongjiang.Application.Talent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Identity;

/// <summary>
/// Someone signing in names their account: by user name or, for a seeker, by the mobile number on their profile
/// (looked up through the profile's blind index). The password is checked by the sign-in itself.
/// </summary>
public static class FindSignInAccount
{
    public sealed record Query(string Login) : IUseCase<AppUser>;

    public sealed class Handler(UserManager<AppUser> users, TalentService talent) : IUseCaseHandler<Query, AppUser>
    {
        public async Task<Result<AppUser>> HandleAsync(Query query, CancellationToken ct)
        {
            var login = query.Login.Trim();
            if (await users.FindByNameAsync(login) is { } byName) return byName;
            // By phone only when exactly one profile holds the number: never a guess between two accounts.
            if (LooksLikeMobile(login) && await talent.FindTalentIdsHoldingPhoneAsync(login, ct) is [var talentId]
                && await users.Users.FirstOrDefaultAsync(u => u.TalentId == talentId, ct) is { } byPhone)
                return byPhone;
            return Error.NotFound(AccountErrors.NotFound);
        }

        /// <summary>A mainland mobile number, written with optional +86, spaces or dashes (138-1234-5678).</summary>
        private static bool LooksLikeMobile(string login) =>
            login.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ')
            && PersonalDataProtector.NormalizePhone(login) is { Length: 11 } digits && digits[0] == '1';
    }
}
