using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Matching;

/// <summary>
/// The signed-in user reads (<see cref="Command.Enabled"/> null) or sets whether recommendations use their profile
/// (PIPL art. 24: 不针对其个人特征的选项); the answer is the setting in force.
/// </summary>
public static class Personalization
{
    public sealed record Command(bool? Enabled) : IUseCase<bool>;

    public sealed class Handler(RecommendationService recommendations, ICurrentUser currentUser) : IUseCaseHandler<Command, bool>
    {
        public async Task<Result<bool>> HandleAsync(Command command, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { } actor) return Error.Forbidden(MatchingErrors.NoAccount);
            if (command.Enabled is not { } enabled) return await recommendations.IsPersonalizedAsync(actor.UserId, ct);
            return await recommendations.SetPersonalizedAsync(actor.UserId, enabled, ct) ? enabled : Error.Forbidden(MatchingErrors.NoAccount);
        }
    }
}
