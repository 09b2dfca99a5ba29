using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// The employer moves an application to screening or interview (<see cref="Command.To"/> is a stage's file name). The
/// version last seen guards against overwriting a colleague's change; rejecting, offering and signing have their own commands.
/// </summary>
public static class MoveApplication
{
    public sealed record Command(string ApplicationId, string? To, Guid? Version, string? Reason = null) : IUseCase<JobApplication>;

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, JobApplication>
    {
        public Task<Result<JobApplication>> HandleAsync(Command command, CancellationToken ct) =>
            ApplicationStages.TryParse(command.To, out var to)
                ? rules.AsActorAsync(actor => recruiting.MoveAsync(actor, command.ApplicationId, to, command.Version, command.Reason, ct), ct)
                : Task.FromResult<Result<JobApplication>>(Error.Invalid("to", RecruitingErrors.UnknownStage));
    }
}
