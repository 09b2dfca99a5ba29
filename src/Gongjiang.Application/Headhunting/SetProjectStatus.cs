using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Headhunting;

namespace Gongjiang.Application.Headhunting;

/// <summary>The agency opens, pauses or closes its project ("open", "paused", "closed"); a closed project is not reopened.</summary>
public static class SetProjectStatus
{
    public sealed record Command(string ProjectId, string? Status) : IUseCase<ProjectDetail>;

    public sealed class Handler(ProjectRules rules) : IUseCaseHandler<Command, ProjectDetail>
    {
        public async Task<Result<ProjectDetail>> HandleAsync(Command command, CancellationToken ct)
        {
            var status = ProjectRules.ParseStatus(command.Status);
            if (!status.Succeeded) return status.Cast<ProjectDetail>();
            var owned = await rules.OwnAsync(await rules.ActorAsync(ct), command.ProjectId, ct);
            if (!owned.Succeeded) return owned.Cast<ProjectDetail>();
            var project = owned.Value;
            if (project.Status == ProjectStatus.Closed && status.Value != ProjectStatus.Closed) return Error.Conflict(HeadhuntingErrors.CannotReopen);
            rules.SetStatus(project, status.Value);
            var saved = await rules.SaveAsync(project, ct);
            return saved.Succeeded ? await rules.DetailOfOwnAsync(project, ct) : saved.Cast<ProjectDetail>();
        }
    }
}
