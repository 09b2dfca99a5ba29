using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Campus;

/// <summary>
/// The employer's campus campaigns, newest first, each with its reach, response, applications and talks; with
/// <see cref="Query.WithOpenJobs"/> also the employer's open jobs a new campaign may link.
/// </summary>
public static class ListCampaigns
{
    public sealed record Query(bool WithOpenJobs = false) : IUseCase<CampaignList>;

    /// <param name="DefaultYear">The graduation year a new campaign starts from (next year's graduates).</param>
    public sealed record CampaignList(IReadOnlyList<CampaignDetail> Campaigns, IReadOnlyList<JobPosting> OpenJobs, int DefaultYear);

    public sealed class Handler(AppDbContext db, CampaignRules rules) : IUseCaseHandler<Query, CampaignList>
    {
        public async Task<Result<CampaignList>> HandleAsync(Query query, CancellationToken ct)
        {
            var employer = await rules.EmployerAsync(ct);
            if (!employer.Succeeded) return employer.Cast<CampaignList>();
            var campaigns = await rules.Full.AsNoTracking().Where(c => c.EmployerId == employer.Value).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
            var details = new List<CampaignDetail>();
            foreach (var c in campaigns) details.Add(await rules.DetailAsync(c, ct));
            var jobs = query.WithOpenJobs
                ? await db.Jobs.AsNoTracking().Where(j => j.EmployerId == employer.Value && j.Status == JobStatus.Open).OrderByDescending(j => j.CreatedAt).Take(100).ToListAsync(ct)
                : [];
            return new CampaignList(details, jobs, rules.Now.Year + 1);
        }
    }
}
