using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Headhunting;

/// <summary>
/// The agency's own projects, or, for an HR user, the projects agencies run for their employer (委托项目); newest first. With
/// <see cref="Query.WithClients"/>, an agency also gets the employers it may open a project for.
/// </summary>
public static class ListProjects
{
    public sealed record Query(bool WithClients = false) : IUseCase<ProjectList>;

    public sealed record ClientOption(string Id, string Name);

    /// <param name="IsAgency">Whether the user acts for an HR-service agency (and may open projects).</param>
    public sealed record ProjectList(bool IsAgency, IReadOnlyList<ProjectView> Projects, IReadOnlyList<ClientOption> Clients);

    public sealed class Handler(AppDbContext db, ProjectRules rules) : IUseCaseHandler<Query, ProjectList>
    {
        public async Task<Result<ProjectList>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await rules.ActorAsync(ct);
            if (actor?.EmployerId is not { } employerId) return Error.Forbidden(HeadhuntingErrors.NoEmployer);
            var isAgency = actor.IsAgency && await db.Employers.AnyAsync(e => e.Id == employerId && e.IsAgency, ct);
            var projects = await db.HeadhuntingProjects.AsNoTracking().Include(p => p.Candidates).ThenInclude(c => c.History).AsSplitQuery()
                .Where(p => p.AgencyId == employerId || p.ClientEmployerId == employerId).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
            var clients = isAgency && query.WithClients
                ? await db.Employers.AsNoTracking().Where(e => !e.IsAgency).OrderBy(e => e.Name).Select(e => new ClientOption(e.Id, e.Name)).ToListAsync(ct)
                : [];
            return new ProjectList(isAgency, await rules.ViewsAsync(projects, employerId, ct), clients);
        }
    }
}
