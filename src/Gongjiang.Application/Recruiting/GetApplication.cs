using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>One application with its history, interviews and offer, for its seeker or the job's employer; anyone else is told it does not exist.</summary>
public static class GetApplication
{
    public sealed record Query(string ApplicationId) : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Query, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Query query, CancellationToken ct) =>
            rules.AsActorAsync<JobApplication>(async actor => await recruiting.FindAsync(actor, query.ApplicationId, ct) is { } found
                ? found : Error.NotFound(RecruitingErrors.NotFound, query.ApplicationId), ct);
    }
}
