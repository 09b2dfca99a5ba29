using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Recruiting;

namespace Gongjiang.Application.Recruiting;

/// <summary>
/// A bulk action on the board: the employer moves several applications of one job to a stage, or rejects them with one
/// reason and a confirmation. Each goes through the same rules as a single change and gets its own outcome.
/// </summary>
public static class ChangeApplications
{
    public const int MaxApplications = 500;

    public sealed record Command(string JobId, IReadOnlyList<string>? ApplicationIds, string? To, string? Reason, bool Confirm) : IUseCase<Report>;

    /// <summary>One application's outcome: changed when <see cref="Error"/> is null. <see cref="Name"/> is the applicant's, when known.</summary>
    public sealed record Outcome(string ApplicationId, string? Name, Error? Error)
    {
        public bool Succeeded => Error is null;
    }

    public sealed record Report(IReadOnlyList<Outcome> Items)
    {
        public int Changed => Items.Count(i => i.Succeeded);
        public int Refused => Items.Count(i => !i.Succeeded);
    }

    public sealed class Handler(RecruitingService recruiting, RecruitingRules rules) : IUseCaseHandler<Command, Report>
    {
        public async Task<Result<Report>> HandleAsync(Command command, CancellationToken ct)
        {
            if (command.ApplicationIds is not { Count: > 0 } ids) return Error.Invalid("applicationIds", RecruitingErrors.NoneSelected);
            if (ids.Count > MaxApplications) return Error.Invalid("applicationIds", RecruitingErrors.TooManySelected, MaxApplications);
            if (!ApplicationStages.TryParse(command.To, out var to)) return Error.Invalid("to", RecruitingErrors.UnknownStage);
            var actor = await rules.ActorAsync(ct);
            if (!actor.Succeeded) return actor.Cast<Report>();
            var results = await recruiting.BulkChangeAsync(actor.Value, command.JobId, ids, to, command.Reason, command.Confirm, ct);
            if (results is null) return Error.NotFound(Jobs.JobErrors.NotFound, command.JobId);
            var board = await recruiting.ForJobAsync(actor.Value.EmployerId!, command.JobId, ct) ?? [];
            var talentOf = board.ToDictionary(a => a.Id, a => a.TalentId);
            var names = await rules.NamesAsync(actor.Value.EmployerId!, talentOf.Values.Distinct().ToList(), ct);
            return new Report(results.Select(r => new Outcome(r.ApplicationId,
                talentOf.TryGetValue(r.ApplicationId, out var talent) ? names.GetValueOrDefault(talent) : null, r.Error)).ToList());
        }
    }
}
