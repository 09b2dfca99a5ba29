using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Headhunting;

namespace Gongjiang.Application.Headhunting;

/// <summary>
/// The agency changes its own project: requirements, target headcount and fee terms, and with <see cref="Command.Status"/> its
/// status too (a closed project is not reopened). A closed project is no longer changed. With <see cref="Command.ExpectedVersion"/>,
/// an edit of a copy someone changed since is refused as a conflict and nothing is saved.
/// </summary>
public static class UpdateProject
{
    /// <param name="LeftOutKeepsValue">
    /// An API client's partial update: a field given as null keeps the project's value (the editor page posts every field,
    /// and an emptied field there empties it).
    /// </param>
    public sealed record Command(string ProjectId, ProjectInput Project, string? Status = null, Guid? ExpectedVersion = null, bool LeftOutKeepsValue = false)
        : IUseCase<ProjectDetail>;

    public sealed class Handler(ProjectRules rules) : IUseCaseHandler<Command, ProjectDetail>
    {
        public async Task<Result<ProjectDetail>> HandleAsync(Command command, CancellationToken ct)
        {
            var owned = await rules.OwnAsync(await rules.ActorAsync(ct), command.ProjectId, ct);
            if (!owned.Succeeded) return owned.Cast<ProjectDetail>();
            var project = owned.Value;
            if (command.ExpectedVersion is { } expected && expected != project.Version) return Error.Conflict(HeadhuntingErrors.ChangedMeanwhile);
            if (project.Status == ProjectStatus.Closed) return Error.Conflict(HeadhuntingErrors.ProjectClosed);
            var input = command.LeftOutKeepsValue ? ProjectRules.Over(command.Project, project) : command.Project;
            var errors = await rules.CheckAsync(project.AgencyId, input, ct);
            ProjectStatus? status = null;
            if (command.Status is not null)
            {
                var parsed = ProjectRules.ParseStatus(command.Status);
                if (parsed.Succeeded) status = parsed.Value; else errors.AddRange(parsed.Errors);
            }
            if (!errors.IsEmpty) return errors;
            rules.Apply(project, input);
            if (status is { } to) rules.SetStatus(project, to);
            var saved = await rules.SaveAsync(project, ct);
            return saved.Succeeded ? await rules.DetailOfOwnAsync(project, ct) : saved.Cast<ProjectDetail>();
        }
    }
}
