using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// The employer schedules an interview (time in UTC, a place or an online link), or moves one when
/// <see cref="Command.InterviewId"/> names it; the seeker is told. An application not yet at the interview stage moves there.
/// </summary>
public static class ScheduleInterview
{
    public sealed record Command(string ApplicationId, DateTime? StartsAt, string? Place, string? OnlineLink, Guid? Version, string? InterviewId = null)
        : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Command command, CancellationToken ct)
        {
            if (command.StartsAt is not { } startsAt)
                return Task.FromResult<Result<JobApplication>>(Error.Invalid("startsAt", RecruitingErrors.InterviewTimeRequired));
            var input = new InterviewInput(DateTime.SpecifyKind(startsAt, DateTimeKind.Utc), command.Place, command.OnlineLink);
            return rules.AsActorAsync(actor => string.IsNullOrEmpty(command.InterviewId)
                ? recruiting.ScheduleInterviewAsync(actor, command.ApplicationId, input, command.Version, ct)
                : recruiting.RescheduleInterviewAsync(actor, command.ApplicationId, command.InterviewId, input, ct), ct);
        }
    }
}
