using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Campus;

/// <summary>The seeker's upcoming campus talks (宣讲会), those of campaigns targeting them first, with the seats taken and their sign-ups.</summary>
public static class ListTalks
{
    public sealed record Query : IUseCase<IReadOnlyList<TalkListing>>;

    public sealed class Handler(AppDbContext db, CampaignRules rules) : IUseCaseHandler<Query, IReadOnlyList<TalkListing>>
    {
        public async Task<Result<IReadOnlyList<TalkListing>>> HandleAsync(Query query, CancellationToken ct)
        {
            var seeker = await rules.SeekerAsync(ct);
            if (!seeker.Succeeded) return seeker.Cast<IReadOnlyList<TalkListing>>();
            var talentId = seeker.Value;
            var now = rules.Now;
            var profile = await db.Talent.AsNoTracking().FirstOrDefaultAsync(t => t.Id == talentId, ct);
            var talks = await db.CampusTalks.AsNoTracking().Include(t => t.Signups).Where(t => t.StartsAt > now).OrderBy(t => t.StartsAt).Take(200).ToListAsync(ct);
            var campaignIds = talks.Select(t => t.CampaignId).Distinct().ToList();
            var campaigns = await db.CampusCampaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var employerIds = campaigns.Values.Select(c => c.EmployerId).Distinct().ToList();
            var names = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
            return talks.Select(t =>
            {
                var c = campaigns[t.CampaignId];
                var targeted = profile is not null && c.Targets(profile.Education.MajorCode, profile.Education.School, profile.Education.GraduationYear);
                return new TalkListing(t, c.Title, names.GetValueOrDefault(c.EmployerId) ?? "", t.Signups.Count, t.Signups.Any(s => s.TalentId == talentId), targeted);
            }).OrderByDescending(l => l.Targeted).ThenBy(l => l.Talk.StartsAt).ToList();
        }
    }
}
