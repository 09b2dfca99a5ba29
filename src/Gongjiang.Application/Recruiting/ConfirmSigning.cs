using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>The employer confirms signing (签约) once the seeker has accepted the offer.</summary>
public static class ConfirmSigning
{
    public sealed record Command(string ApplicationId, Guid? Version) : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Command command, CancellationToken ct) =>
            rules.AsActorAsync(actor => recruiting.ConfirmSigningAsync(actor, command.ApplicationId, command.Version, ct), ct);
    }
}
