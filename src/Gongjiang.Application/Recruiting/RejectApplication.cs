using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// The employer rejects an application: always a person's decision, confirmed, with a reason the seeker can read.
/// Nothing in the system rejects on its own.
/// </summary>
public static class RejectApplication
{
    public sealed record Command(string ApplicationId, bool Confirm, string? Reason, Guid? Version) : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Command command, CancellationToken ct) =>
            rules.AsActorAsync(actor => recruiting.RejectAsync(actor, command.ApplicationId, command.Confirm, command.Reason, command.Version, ct), ct);
    }
}
