using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Headhunting;

namespace Gongjiang.Application.Headhunting;

/// <summary>
/// The agency moves a candidate one step along the funnel (已寻访 → 已筛选 → 已推荐 → 已面试 → 已到岗: "screened", "recommended",
/// "interviewed", "hired"), or drops them ("dropped") with a reason. A hired or dropped candidate no longer moves.
/// </summary>
public static class MoveCandidate
{
    public sealed record Command(string ProjectId, string CandidateId, string? To, string? Reason = null) : IUseCase<CandidateEntry>;

    public sealed class Handler(ProjectRules rules) : IUseCaseHandler<Command, CandidateEntry>
    {
        public async Task<Result<CandidateEntry>> HandleAsync(Command command, CancellationToken ct)
        {
            if (!CandidateStages.TryParse(command.To, out var to)) return Error.Invalid("to", HeadhuntingErrors.UnknownStage);
            var actor = await rules.ActorAsync(ct);
            var owned = await rules.OwnAsync(actor, command.ProjectId, ct);
            if (!owned.Succeeded) return owned.Cast<CandidateEntry>();
            var project = owned.Value;
            var candidate = project.Candidates.FirstOrDefault(c => c.Id == command.CandidateId);
            if (candidate is null) return Error.NotFound(HeadhuntingErrors.CandidateNotFound, command.CandidateId);
            if (project.Status == ProjectStatus.Closed) return Error.Conflict(HeadhuntingErrors.CandidatesClosed);
            if (WhyNot(candidate.Stage, to, command.Reason) is { } refusal) return refusal;
            candidate.TryMove(to, actor!.UserId, rules.Now, command.Reason);
            project.UpdatedAt = rules.Now;
            var saved = await rules.SaveAsync(candidate, ct);
            return saved.Succeeded ? await rules.EntryAsync(candidate, ct) : saved.Cast<CandidateEntry>();
        }

        /// <summary>The funnel's rules (<see cref="CandidateStages.Refusal"/>) as errors: one step forward at a time, or dropped with a reason.</summary>
        private static Error? WhyNot(CandidateStage from, CandidateStage to, string? reason)
        {
            if (CandidateStages.IsClosed(from)) return Error.Conflict(HeadhuntingErrors.CandidateFinished, CandidateStages.ChineseName(from));
            if (to == CandidateStage.Dropped)
                return string.IsNullOrWhiteSpace(reason) ? Error.Invalid("reason", HeadhuntingErrors.DropReasonRequired) : null;
            return to != CandidateStages.Next(from)
                ? Error.Conflict(HeadhuntingErrors.StageSkip, CandidateStages.ChineseName(from), CandidateStages.ChineseName(to)) : null;
        }
    }
}
