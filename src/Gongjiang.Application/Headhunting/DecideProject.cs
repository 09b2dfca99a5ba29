using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Headhunting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Headhunting;

/// <summary>
/// The client employer's HR accepts or declines (with a reason) a project an agency opened for it (待客户确认). Only an accepted
/// project can be worked on; a decision is made once. Logged in the service log.
/// </summary>
public static class DecideProject
{
    public sealed record Command(string ProjectId, bool Accept, string? Reason = null) : IUseCase<ProjectDetail>;

    public sealed class Handler(AppDbContext db, ProjectRules rules, ServiceLog log) : IUseCaseHandler<Command, ProjectDetail>
    {
        public async Task<Result<ProjectDetail>> HandleAsync(Command command, CancellationToken ct)
        {
            var actor = await rules.ActorAsync(ct);
            if (actor is not { IsEmployer: true, IsAgency: false, EmployerId: { } clientId }) return Error.Forbidden(HeadhuntingErrors.ClientOnly);
            var project = await db.HeadhuntingProjects.Include(p => p.Candidates).ThenInclude(c => c.History).AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Id == command.ProjectId && p.ClientEmployerId == clientId, ct);
            if (project is null) return Error.NotFound(HeadhuntingErrors.ProjectNotFound, command.ProjectId);
            if (project.ClientDecision != ClientDecision.Awaiting) return Error.Conflict(HeadhuntingErrors.AlreadyDecided);
            var reason = command.Reason?.Trim();
            if (!command.Accept && string.IsNullOrEmpty(reason)) return Error.Invalid("reason", HeadhuntingErrors.DeclineReasonRequired);
            if (reason is { Length: > 500 }) return Error.Invalid("reason", HeadhuntingErrors.TextTooLong, 500);
            project.ClientDecision = command.Accept ? ClientDecision.Accepted : ClientDecision.Declined;
            project.ClientDecidedAt = rules.Now;
            project.ClientDecidedByUserId = actor.UserId;
            project.ClientDeclineReason = command.Accept ? null : reason;
            project.UpdatedAt = rules.Now;
            project.Version = Guid.NewGuid();
            log.Write(actor.UserId, command.Accept ? ServiceActions.ProjectAccepted : ServiceActions.ProjectDeclined, ServiceTargets.Project, project.Id, reason);
            var saved = await rules.SaveAsync(project, ct);
            if (!saved.Succeeded) return saved.Cast<ProjectDetail>();
            return await rules.DetailAsync((await rules.ViewsAsync([project], clientId, ct)).Single(), 0, ct);
        }
    }
}
