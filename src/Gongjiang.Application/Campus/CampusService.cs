using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Campus;
using Gongjiang.Core.Common;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Campus;

public sealed record CampaignInput(string Title, string Message, IReadOnlyList<string> MajorCodes, IReadOnlyList<string> Schools, int GraduationYear,
    IReadOnlyList<string> JobIds);

public sealed record TalkInput(string School, string Place, DateTime StartsAt, int Capacity);

/// <summary>A campaign's figures: the audience now, how many the outreach reached, how many responded, and applications to its jobs from the audience.</summary>
public sealed record CampaignStats(int Audience, int Reached, int Responded, int Applications, int SignUps);

/// <summary>A campus talk as a seeker sees it: with the employer, the seats taken and whether they signed up.</summary>
public sealed record TalkListing(CampusTalk Talk, string CampaignTitle, string EmployerName, int Taken, bool SignedUp, bool Targeted);

/// <summary>
/// Campus campaigns (校园招聘): an employer targets graduates by major, school and graduation year among seekers who share with the
/// zone, sends each one a notice (in-app, SMS, e-mail through the notifier) recorded per recipient, counts reach, response and
/// applications to the linked jobs, and schedules campus talks (宣讲会) that seekers sign up for, up to the capacity.
/// </summary>
public sealed class CampusService(AppDbContext db, TimeProvider clock, TaxonomyCatalog taxonomy, INotifier notifier)
{
    public const string OutreachKind = "campus.outreach";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<CampusCampaign> Full => db.CampusCampaigns.Include(c => c.Recipients).Include(c => c.Talks).ThenInclude(t => t.Signups).AsSplitQuery();

    public const string ConflictMessage = "该活动刚被其他人修改过，您的修改未保存。请刷新后查看最新内容再修改。";

    /// <summary>A campaign's terms after trimming and checking; the refusal instead when the input breaks a rule.</summary>
    private sealed record CheckedCampaign(string Title, string Message, List<string> Majors, List<string> Schools, int GraduationYear, List<string> JobIds);

    public async Task<RecruitingResult<CampusCampaign>> CreateAsync(RecruitingActor employer, CampaignInput input, CancellationToken ct = default)
    {
        if (employer.EmployerId is not { } employerId) return Refuse.Invalid<CampusCampaign>("只有企业可以创建校园招聘活动。");
        var (terms, refusal) = await CheckAsync(employerId, input, ct);
        if (terms is null) return Refuse.Invalid<CampusCampaign>(refusal!);
        var now = Now;
        var campaign = new CampusCampaign { Id = EntityId.New('K', clock), EmployerId = employerId, CreatedAt = now };
        Apply(campaign, terms, now);
        db.CampusCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>
    /// Changes the employer's own campaign (name, notice, majors, schools, graduation year, linked jobs) with the same checks as
    /// creating one, while it is not finished. With <paramref name="expectedVersion"/>, an edit of a copy someone changed since
    /// is refused (a conflict) and nothing is saved. Seekers already reached stay reached; the audience counts follow the new terms.
    /// </summary>
    public async Task<RecruitingResult<CampusCampaign>> UpdateAsync(RecruitingActor employer, string id, CampaignInput input, Guid? expectedVersion = null,
        CancellationToken ct = default)
    {
        if (employer.EmployerId is not { } employerId) return Refuse.NotFound<CampusCampaign>($"campaign {id}");
        var campaign = await db.CampusCampaigns.Include(c => c.Talks).FirstOrDefaultAsync(c => c.Id == id && c.EmployerId == employerId, ct);
        if (campaign is null) return Refuse.NotFound<CampusCampaign>($"campaign {id}");
        if (expectedVersion is { } expected && expected != campaign.Version) return new(default, RecruitingFailure.Conflict, ConflictMessage);
        if (campaign.IsFinished(Now)) return Refuse.Illegal<CampusCampaign>("活动的宣讲会均已举行，活动已结束，不能再修改。");
        var (terms, refusal) = await CheckAsync(employerId, input, ct);
        if (terms is null) return Refuse.Invalid<CampusCampaign>(refusal!);
        Apply(campaign, terms, Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // someone saved the campaign between our read and our write
            return new(default, RecruitingFailure.Conflict, ConflictMessage);
        }
        return campaign;
    }

    private async Task<(CheckedCampaign? Terms, string? Refusal)> CheckAsync(string employerId, CampaignInput input, CancellationToken ct)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 100) return (null, "请填写活动名称（不超过100字）。");
        var message = input.Message?.Trim() ?? "";
        if (message.Length is 0 or > 500) return (null, "请填写发送给学生的通知内容（不超过500字）。");
        var majors = (input.MajorCodes ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        if (majors.FirstOrDefault(m => !taxonomy.MajorsByCode.ContainsKey(m)) is { } unknown) return (null, $"专业代码 {unknown} 不在专业目录中。");
        var schools = (input.Schools ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (schools.Any(s => s.Length > 100)) return (null, "学校名称不能超过100字。");
        var year = Now.Year;
        if (input.GraduationYear < year - 5 || input.GraduationYear > year + 6) return (null, "毕业年份不在合理范围内。");
        var jobIds = (input.JobIds ?? []).Select(j => j.Trim()).Where(j => j.Length > 0).Distinct().ToList();
        var own = await db.Jobs.Where(j => jobIds.Contains(j.Id) && j.EmployerId == employerId).CountAsync(ct);
        if (own != jobIds.Count) return (null, "只能关联本企业的岗位。");
        return (new CheckedCampaign(title, message, majors, schools, input.GraduationYear, jobIds), null);
    }

    private static void Apply(CampusCampaign campaign, CheckedCampaign terms, DateTime now)
    {
        campaign.Title = terms.Title;
        campaign.Message = terms.Message;
        campaign.MajorCodes = terms.Majors;
        campaign.Schools = terms.Schools;
        campaign.GraduationYear = terms.GraduationYear;
        campaign.JobIds = terms.JobIds;
        campaign.UpdatedAt = now;
        campaign.Version = Guid.NewGuid();
    }

    public Task<List<CampusCampaign>> ListAsync(string employerId, CancellationToken ct = default) =>
        Full.AsNoTracking().Where(c => c.EmployerId == employerId).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);

    /// <summary>The employer's own campaign; null for anyone else's.</summary>
    public Task<CampusCampaign?> FindAsync(string? employerId, string id, CancellationToken ct = default) =>
        employerId is null ? Task.FromResult<CampusCampaign?>(null) : Full.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.EmployerId == employerId, ct);

    /// <summary>The seekers the campaign targets: active, sharing with the zone, of the graduation year, major and school asked for.</summary>
    public async Task<List<string>> AudienceAsync(CampusCampaign campaign, CancellationToken ct = default)
    {
        var majors = campaign.MajorCodes;
        var schools = campaign.Schools;
        var query = db.Talent.AsNoTracking().Where(t => t.SharedWithZone && t.IsActive && t.Education.GraduationYear == campaign.GraduationYear);
        if (majors.Count > 0) query = query.Where(t => t.Education.MajorCode != null && majors.Contains(t.Education.MajorCode));
        if (schools.Count > 0) query = query.Where(t => t.Education.School != null && schools.Contains(t.Education.School));
        return await query.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
    }

    /// <summary>Sends the notice to everyone in the audience not reached yet; returns how many were reached now.</summary>
    public async Task<RecruitingResult<int>> SendOutreachAsync(RecruitingActor employer, string id, NoticeChannels channels, CancellationToken ct = default)
    {
        var campaign = await Full.FirstOrDefaultAsync(c => c.Id == id && c.EmployerId == employer.EmployerId, ct);
        if (campaign is null || employer.EmployerId is null) return Refuse.NotFound<int>($"campaign {id}");
        if (channels == 0 || (channels & ~(NoticeChannels.InApp | NoticeChannels.Sms | NoticeChannels.Email)) != 0) return Refuse.Invalid<int>("请选择发送渠道。");
        var reached = campaign.Recipients.Select(r => r.TalentId).ToHashSet(StringComparer.Ordinal);
        var now = Now;
        var sent = 0;
        foreach (var talentId in await AudienceAsync(campaign, ct))
        {
            if (reached.Contains(talentId)) continue;
            await notifier.QueueAsync(new Notice(OutreachKind, campaign.Title, campaign.Message, channels, RecipientTalentId: talentId,
                Link: $"/Seeker/CampusTalks?campaign={campaign.Id}"), ct);
            campaign.Recipients.Add(new CampaignRecipient { CampaignId = campaign.Id, TalentId = talentId, Channels = (int)channels, SentAt = now });
            sent++;
        }
        campaign.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // the campaign was edited meanwhile: nobody is recorded as reached, so a retry reaches them
            return new(default, RecruitingFailure.Conflict, ConflictMessage);
        }
        return sent;
    }

    /// <summary>A reached seeker opened the notice's link or answered it: the first response counts.</summary>
    public async Task RespondAsync(string talentId, string campaignId, string response, CancellationToken ct = default)
    {
        var recipient = await db.CampaignRecipients.FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.TalentId == talentId, ct);
        if (recipient is null || recipient.RespondedAt is not null) return;
        recipient.RespondedAt = Now;
        recipient.Response = response;
        await db.SaveChangesAsync(ct);
    }

    public async Task<CampaignStats> StatsAsync(CampusCampaign campaign, CancellationToken ct = default)
    {
        var audience = await AudienceAsync(campaign, ct);
        var jobIds = campaign.JobIds;
        var applications = jobIds.Count == 0 || audience.Count == 0 ? 0
            : await db.Applications.CountAsync(a => jobIds.Contains(a.JobId) && audience.Contains(a.TalentId), ct);
        return new CampaignStats(audience.Count, campaign.Recipients.Count, campaign.Recipients.Count(r => r.RespondedAt is not null), applications,
            campaign.Talks.Sum(t => t.Signups.Count));
    }

    public async Task<RecruitingResult<CampusTalk>> AddTalkAsync(RecruitingActor employer, string campaignId, TalkInput input, CancellationToken ct = default)
    {
        if (employer.EmployerId is null || !await db.CampusCampaigns.AnyAsync(c => c.Id == campaignId && c.EmployerId == employer.EmployerId, ct))
            return Refuse.NotFound<CampusTalk>($"campaign {campaignId}");
        if (string.IsNullOrWhiteSpace(input.School) || input.School.Trim().Length > 100) return Refuse.Invalid<CampusTalk>("请填写学校。");
        if (string.IsNullOrWhiteSpace(input.Place) || input.Place.Trim().Length > 200) return Refuse.Invalid<CampusTalk>("请填写宣讲地点。");
        if (input.Capacity is < 1 or > 100000) return Refuse.Invalid<CampusTalk>("容纳人数须在 1 到 100000 之间。");
        if (input.StartsAt <= Now) return Refuse.Invalid<CampusTalk>("宣讲时间须晚于现在。");
        var talk = new CampusTalk
        {
            Id = EntityId.New('S', clock), CampaignId = campaignId, School = input.School.Trim(), Place = input.Place.Trim(),
            StartsAt = DateTime.SpecifyKind(input.StartsAt, DateTimeKind.Utc), Capacity = input.Capacity,
        };
        db.CampusTalks.Add(talk);
        await db.SaveChangesAsync(ct);
        return talk;
    }

    /// <summary>Upcoming campus talks for a seeker, those of campaigns targeting them first.</summary>
    public async Task<List<TalkListing>> TalksForSeekerAsync(string talentId, CancellationToken ct = default)
    {
        var now = Now;
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

    /// <summary>A seeker signs up for an upcoming talk with seats left; signing up answers the campaign's outreach.</summary>
    public async Task<RecruitingResult<CampusTalk>> SignUpAsync(string talentId, string talkId, CancellationToken ct = default)
    {
        var talk = await db.CampusTalks.Include(t => t.Signups).FirstOrDefaultAsync(t => t.Id == talkId, ct);
        if (talk is null) return Refuse.NotFound<CampusTalk>($"talk {talkId}");
        if (talk.StartsAt <= Now) return Refuse.Illegal<CampusTalk>("宣讲会已开始或已结束，不能报名。");
        if (talk.Signups.Any(s => s.TalentId == talentId)) return Refuse.Illegal<CampusTalk>("您已报名该宣讲会。");
        if (talk.Signups.Count >= talk.Capacity) return Refuse.Illegal<CampusTalk>("宣讲会名额已满。");
        talk.Signups.Add(new TalkSignup { TalkId = talk.Id, TalentId = talentId, At = Now });
        var recipient = await db.CampaignRecipients.FirstOrDefaultAsync(r => r.CampaignId == talk.CampaignId && r.TalentId == talentId && r.RespondedAt == null, ct);
        if (recipient is not null) { recipient.RespondedAt = Now; recipient.Response = "signed_up"; }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the unique (talk, seeker) index caught a simultaneous sign-up
            return Refuse.Illegal<CampusTalk>("您已报名该宣讲会。");
        }
        return talk;
    }
}
