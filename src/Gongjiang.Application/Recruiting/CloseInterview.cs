using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>The employer marks an interview as held, or cancels it (the seeker is told of a cancellation).</summary>
public static class CloseInterview
{
    public sealed record Command(string ApplicationId, string InterviewId, bool Held) : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Command command, CancellationToken ct) =>
            rules.AsActorAsync(actor => recruiting.SetInterviewStatusAsync(actor, command.ApplicationId, command.InterviewId,
                command.Held ? InterviewStatus.Done : InterviewStatus.Cancelled, ct), ct);
    }
}
