using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>The seeker withdraws their application, optionally saying why; the employer hears of it.</summary>
public static class WithdrawApplication
{
    public sealed record Command(string ApplicationId, string? Reason, Guid? Version) : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Command command, CancellationToken ct) =>
            rules.AsActorAsync(actor => recruiting.WithdrawAsync(actor, command.ApplicationId, command.Reason, command.Version, ct), ct);
    }
}
