using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Headhunting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Headhunting;

/// <summary>
/// An HR-service agency opens a headhunting project (猎头项目) for a client employer. Only agencies run projects, and only while
/// they may publish: verified, with an approved, unexpired HR-service licence.
/// </summary>
public static class CreateProject
{
    public sealed record Command(ProjectInput Project) : IUseCase<ProjectDetail>;

    public sealed class Handler(AppDbContext db, ProjectRules rules, TimeProvider clock) : IUseCaseHandler<Command, ProjectDetail>
    {
        public async Task<Result<ProjectDetail>> HandleAsync(Command command, CancellationToken ct)
        {
            var actor = await rules.ActorAsync(ct);
            var agency = actor?.EmployerId is { } id ? await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.IsAgency, ct) : null;
            if (agency is null) return Error.Forbidden(HeadhuntingErrors.AgencyOnly);
            if (agency.WhyCannotPublish(rules.Now) is { } notAllowed) return Error.Forbidden(notAllowed);
            var errors = await rules.CheckAsync(agency.Id, command.Project, ct);
            if (!errors.IsEmpty) return errors;
            var project = new HeadhuntingProject { Id = EntityId.New('H', clock), AgencyId = agency.Id, CreatedAt = rules.Now, Status = ProjectStatus.Open };
            rules.Apply(project, command.Project);
            db.HeadhuntingProjects.Add(project);
            await db.SaveChangesAsync(ct);
            return await rules.DetailOfOwnAsync(project, ct);
        }
    }
}
