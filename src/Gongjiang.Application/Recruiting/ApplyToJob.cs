using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>A seeker applies (申请) to an open job; the employer's HR users hear of it. Applying twice is refused.</summary>
public static class ApplyToJob
{
    public sealed record Command(string JobId) : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Command command, CancellationToken ct) =>
            rules.AsActorAsync(actor => recruiting.ApplyAsync(actor, command.JobId, ct), ct);
    }
}
