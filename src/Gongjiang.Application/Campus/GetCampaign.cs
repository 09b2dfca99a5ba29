using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Campus;

/// <summary>
/// One of the employer's campaigns with its figures and talks; for editing also the jobs it may link (the employer's open jobs
/// and those already linked). Another employer's campaign is not found.
/// </summary>
public static class GetCampaign
{
    public sealed record Query(string CampaignId, bool ForEditing = false) : IUseCase<Campaign>;

    public sealed record Campaign(CampaignDetail Detail, IReadOnlyList<JobPosting> Jobs);

    public sealed class Handler(AppDbContext db, CampaignRules rules) : IUseCaseHandler<Query, Campaign>
    {
        public async Task<Result<Campaign>> HandleAsync(Query query, CancellationToken ct)
        {
            var owned = await rules.OwnAsync(query.CampaignId, ct, tracked: false);
            if (!owned.Succeeded) return owned.Cast<Campaign>();
            var campaign = owned.Value;
            var linked = campaign.JobIds;
            var jobs = query.ForEditing
                ? await db.Jobs.AsNoTracking().Where(j => j.EmployerId == campaign.EmployerId && (j.Status == JobStatus.Open || linked.Contains(j.Id)))
                    .OrderByDescending(j => j.CreatedAt).Take(100).ToListAsync(ct)
                : [];
            return new Campaign(await rules.DetailAsync(campaign, ct), jobs);
        }
    }
}
