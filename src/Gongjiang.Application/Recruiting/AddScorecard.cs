using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>An interviewer scores an interview (1–5) with notes; a second score from the same interviewer replaces the first.</summary>
public static class AddScorecard
{
    public sealed record Command(string ApplicationId, string InterviewId, int Score, string? Notes) : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Command command, CancellationToken ct) =>
            rules.AsActorAsync(actor => recruiting.AddScorecardAsync(actor, command.ApplicationId, command.InterviewId, command.Score, command.Notes, ct),
                ct, withName: true);
    }
}
