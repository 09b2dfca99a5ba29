using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Campus;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Campus;

/// <summary>A campaign's terms as the employer enters them; the field names of the errors are the API's (<c>title</c>, <c>majorCodes</c> …).</summary>
public sealed record CampaignInput(string? Title, string? Message, IReadOnlyList<string>? MajorCodes, IReadOnlyList<string>? Schools, int? GraduationYear,
    IReadOnlyList<string>? JobIds);

/// <summary>A campus talk to schedule; <see cref="StartsAt"/> in UTC.</summary>
public sealed record TalkInput(string? School, string? Place, DateTime? StartsAt, int? Capacity);

/// <summary>A campaign's figures: the audience now, how many the outreach reached, how many responded, and applications to its jobs from the audience.</summary>
public sealed record CampaignStats(int Audience, int Reached, int Responded, int Applications, int SignUps);

/// <summary>A campaign with its figures, and whether its talks have all been held (it no longer changes).</summary>
public sealed record CampaignDetail(CampusCampaign Campaign, CampaignStats Stats, bool Finished);

/// <summary>A campus talk as a seeker sees it: with the employer, the seats taken and whether they signed up.</summary>
public sealed record TalkListing(CampusTalk Talk, string CampaignTitle, string EmployerName, int Taken, bool SignedUp, bool Targeted);

/// <summary>
/// What the campus use cases share (校园招聘): the employer's own campaign, the one check of a campaign's terms, the audience
/// (graduates by major, school and year among seekers who share with the zone), the figures, and saving with the version check.
/// </summary>
public sealed class CampaignRules(AppDbContext db, ICurrentUser currentUser, TimeProvider clock, TaxonomyCatalog taxonomy)
{
    public const string OutreachKind = "campus.outreach";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<CampusCampaign> Full => db.CampusCampaigns.Include(c => c.Recipients).Include(c => c.Talks).ThenInclude(t => t.Signups).AsSplitQuery();

    /// <summary>The employer the signed-in user acts for, or Forbidden.</summary>
    public async Task<Result<string>> EmployerAsync(CancellationToken ct) =>
        (await currentUser.GetAsync(ct))?.EmployerId is { } id ? id : Error.Forbidden(CampusErrors.EmployerOnly);

    /// <summary>The seeker the signed-in user is, or Forbidden.</summary>
    public async Task<Result<string>> SeekerAsync(CancellationToken ct) =>
        (await currentUser.GetAsync(ct))?.TalentId is { } id ? id : Error.Forbidden(CampusErrors.SeekerOnly);

    /// <summary>One of the signed-in employer's campaigns, with recipients and talks (tracked unless asked otherwise); NotFound for anyone else's.</summary>
    public async Task<Result<CampusCampaign>> OwnAsync(string id, CancellationToken ct, bool tracked = true)
    {
        if ((await currentUser.GetAsync(ct))?.EmployerId is not { } employerId) return Error.NotFound(CampusErrors.CampaignNotFound, id);
        var query = tracked ? Full : Full.AsNoTracking();
        var campaign = await query.FirstOrDefaultAsync(c => c.Id == id && c.EmployerId == employerId, ct);
        return campaign is null ? Error.NotFound(CampusErrors.CampaignNotFound, id) : campaign;
    }

    /// <summary>The one check of a campaign's terms; the trimmed, de-duplicated terms when they pass.</summary>
    public async Task<Result<CampaignInput>> CheckAsync(string employerId, CampaignInput input, CancellationToken ct)
    {
        var errors = new ErrorList();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 100) errors.Add("title", CampusErrors.Title);
        var message = input.Message?.Trim() ?? "";
        if (message.Length is 0 or > 500) errors.Add("message", CampusErrors.Message);
        var majors = Clean(input.MajorCodes);
        if (majors.FirstOrDefault(m => !taxonomy.MajorsByCode.ContainsKey(m)) is { } unknown) errors.Add("majorCodes", CampusErrors.UnknownMajor, unknown);
        var schools = Clean(input.Schools);
        if (schools.Any(s => s.Length > 100)) errors.Add("schools", CampusErrors.SchoolTooLong);
        var year = Now.Year;
        if (input.GraduationYear is not { } graduation) errors.Add("graduationYear", InputErrors.Required);
        else if (graduation < year - 5 || graduation > year + 6) errors.Add("graduationYear", CampusErrors.GraduationYear);
        var jobIds = Clean(input.JobIds);
        if (jobIds.Count > 0 && await db.Jobs.CountAsync(j => jobIds.Contains(j.Id) && j.EmployerId == employerId, ct) != jobIds.Count)
            errors.Add("jobIds", CampusErrors.ForeignJob);
        return errors.IsEmpty ? new CampaignInput(title, message, majors, schools, input.GraduationYear, jobIds) : errors;
    }

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct().ToList();

    /// <summary>Checked terms onto the campaign; a new version, so copies loaded before no longer save.</summary>
    public void Apply(CampusCampaign campaign, CampaignInput terms)
    {
        campaign.Title = terms.Title!;
        campaign.Message = terms.Message!;
        campaign.MajorCodes = [.. terms.MajorCodes!];
        campaign.Schools = [.. terms.Schools!];
        campaign.GraduationYear = terms.GraduationYear!.Value;
        campaign.JobIds = [.. terms.JobIds!];
        campaign.UpdatedAt = Now;
        campaign.Version = Guid.NewGuid();
    }

    /// <summary>The seekers the campaign targets: active, sharing with the zone, of the graduation year, major and school asked for.</summary>
    public async Task<List<string>> AudienceAsync(CampusCampaign campaign, CancellationToken ct)
    {
        var majors = campaign.MajorCodes;
        var schools = campaign.Schools;
        var query = db.Talent.AsNoTracking().Where(t => t.SharedWithZone && t.IsActive && t.Education.GraduationYear == campaign.GraduationYear);
        if (majors.Count > 0) query = query.Where(t => t.Education.MajorCode != null && majors.Contains(t.Education.MajorCode));
        if (schools.Count > 0) query = query.Where(t => t.Education.School != null && schools.Contains(t.Education.School));
        return await query.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
    }

    public async Task<CampaignDetail> DetailAsync(CampusCampaign campaign, CancellationToken ct)
    {
        var audience = await AudienceAsync(campaign, ct);
        var jobIds = campaign.JobIds;
        var applications = jobIds.Count == 0 || audience.Count == 0 ? 0
            : await db.Applications.CountAsync(a => jobIds.Contains(a.JobId) && audience.Contains(a.TalentId), ct);
        var stats = new CampaignStats(audience.Count, campaign.Recipients.Count, campaign.Recipients.Count(r => r.RespondedAt is not null), applications,
            campaign.Talks.Sum(t => t.Signups.Count));
        return new CampaignDetail(campaign, stats, campaign.IsFinished(Now));
    }

    /// <summary>"inapp", "sms", "email" (one or more), or the field's error.</summary>
    public static Result<NoticeChannels> ParseChannels(IEnumerable<string>? names)
    {
        NoticeChannels channels = 0;
        foreach (var name in names ?? [])
        {
            if (name?.ToLowerInvariant() is not ("inapp" or "sms" or "email") || !Enum.TryParse<NoticeChannels>(name, true, out var c))
                return Error.Invalid("channels", CampusErrors.Channels);
            channels |= c;
        }
        return channels != 0 ? channels : Error.Invalid("channels", CampusErrors.Channels);
    }

    /// <summary>Saves once; a campaign someone saved between our read and our write is a conflict and nothing is saved.</summary>
    public Task<Result<T>> SaveAsync<T>(T value, CancellationToken ct, Error? duplicate = null) =>
        db.SaveOnceAsync(value, Error.Conflict(CampusErrors.ChangedMeanwhile), duplicate, ct);
}
