using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>The seeker accepts or declines the current offer card before it expires; the employer is told.</summary>
public static class AnswerOffer
{
    public sealed record Command(string ApplicationId, bool Accept) : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Command command, CancellationToken ct) =>
            rules.AsActorAsync(actor => recruiting.AnswerOfferAsync(actor, command.ApplicationId, command.Accept, ct), ct);
    }
}
