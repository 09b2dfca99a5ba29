using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Headhunting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Headhunting;

/// <summary>
/// The agency adds a seeker from the zone's shared pool to its open project as sourced (已寻访), once per project. A seeker who
/// does not share with the zone is not found.
/// </summary>
public static class AddCandidate
{
    public sealed record Command(string ProjectId, string? TalentId) : IUseCase<CandidateEntry>;

    public sealed class Handler(AppDbContext db, ProjectRules rules, TimeProvider clock) : IUseCaseHandler<Command, CandidateEntry>
    {
        public async Task<Result<CandidateEntry>> HandleAsync(Command command, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(command.TalentId)) return Error.Invalid("talentId", InputErrors.Required);
            var talentId = command.TalentId.Trim();
            var actor = await rules.ActorAsync(ct);
            var owned = await rules.OwnAsync(actor, command.ProjectId, ct);
            if (!owned.Succeeded) return owned.Cast<CandidateEntry>();
            var project = owned.Value;
            if (project.Status != ProjectStatus.Open) return Error.Conflict(HeadhuntingErrors.ProjectNotOpen);
            if (!await db.Talent.AnyAsync(t => t.Id == talentId && t.SharedWithZone && t.IsActive, ct)
                || await Seekers.CompanyBlocking.IsBlockedAsync(db, talentId, actor!.EmployerId ?? "", ct))
                return Error.NotFound(HeadhuntingErrors.TalentNotFound, talentId);
            if (project.Candidates.Any(c => c.TalentId == talentId)) return Error.Conflict(HeadhuntingErrors.AlreadyCandidate);
            var now = rules.Now;
            var candidate = new ProjectCandidate { Id = EntityId.New('C', clock), ProjectId = project.Id, TalentId = talentId, Stage = CandidateStage.Sourced, AddedAt = now, UpdatedAt = now };
            candidate.History.Add(new CandidateStageChange { CandidateId = candidate.Id, To = CandidateStage.Sourced, ByUserId = actor!.UserId, At = now });
            db.ProjectCandidates.Add(candidate);
            project.UpdatedAt = now;
            // The unique (project, talent) index catches a simultaneous add of the same seeker.
            var saved = await rules.SaveAsync(candidate, ct, duplicate: Error.Conflict(HeadhuntingErrors.AlreadyCandidate));
            return saved.Succeeded ? await rules.EntryAsync(candidate, ct) : saved.Cast<CandidateEntry>();
        }
    }
}
