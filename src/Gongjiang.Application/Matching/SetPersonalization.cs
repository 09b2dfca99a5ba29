using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Matching;

/// <summary>
/// The signed-in user turns personalized recommendations on or off (PIPL art. 24: 不针对其个人特征的选项); the answer is
/// the setting now in force.
/// </summary>
public static class SetPersonalization
{
    /// <param name="Enabled">On or off; missing is refused, never read as off.</param>
    public sealed record Command(bool? Enabled) : IUseCase<bool>;

    public sealed class Handler(RecommendationService recommendations, ICurrentUser currentUser) : IUseCaseHandler<Command, bool>
    {
        public async Task<Result<bool>> HandleAsync(Command command, CancellationToken ct)
        {
            if (command.Enabled is not { } enabled) return Error.Invalid("enabled", InputErrors.Required);
            return await currentUser.GetAsync(ct) is { } actor && await recommendations.SetPersonalizedAsync(actor.UserId, enabled, ct)
                ? enabled : Error.Forbidden(MatchingErrors.NoAccount);
        }
    }
}
