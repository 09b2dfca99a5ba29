using Gongjiang.Application.Campus;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Headhunting;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Engine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.DemoZone;

/// <summary>What the demo activity seeding added on this run (all zero when everything was there already).</summary>
public sealed record DemoActivity(int Invitations, int Campaigns, int Projects)
{
    public bool Any => Invitations + Campaigns + Projects > 0;
}

/// <summary>
/// Gives the demo sign-ins something to look at: pending invitations for <c>seeker</c> to <c>hr</c>'s jobs that fit them,
/// a campus campaign of <c>hr</c> with a campus talk and a reached audience, and a headhunting project of <c>agency</c> for
/// <c>hr</c>'s company with candidates at different steps of the funnel. Everything goes through the application services,
/// so their rules, notices and logs apply. Choices follow fixed orderings of the demo data, so the same zone gets the same
/// activity. Each part is added only when the demo users have none of it yet, in one transaction: a second start adds nothing.
/// </summary>
public sealed class DemoActivitySeeder(AppDbContext db, UserManager<AppUser> users, InvitationService invitations,
    IUseCases useCases, ActingUser acting, TaxonomyCatalog catalog, TimeProvider clock, ILogger<DemoActivitySeeder> logger)
{
    public const int InvitationCount = 3;
    public const int CandidateCount = 6;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<DemoActivity> SeedMissingAsync(CancellationToken ct = default)
    {
        var seeker = await users.FindByNameAsync("seeker");
        var hr = await users.FindByNameAsync("hr");
        var agency = await users.FindByNameAsync("agency");
        if (seeker?.TalentId is null || hr?.EmployerId is null || agency?.EmployerId is null) return new DemoActivity(0, 0, 0);
        var hrActor = new RecruitingActor(hr.Id, hr.EmployerId, null, hr.DisplayName);
        var agencyActor = new RecruitingActor(agency.Id, agency.EmployerId, null, agency.DisplayName);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var strategy = db.Database.CreateExecutionStrategy();
        var added = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var invited = await db.Set<Invitation>().AnyAsync(i => i.TalentId == seeker.TalentId && i.EmployerId == hr.EmployerId, ct)
                ? 0 : await InviteSeekerAsync(hrActor, seeker.TalentId, ct);
            var campaigns = await db.CampusCampaigns.AnyAsync(c => c.EmployerId == hr.EmployerId, ct) ? 0 : await CampaignAsync(hrActor, ct);
            var projects = await db.HeadhuntingProjects.AnyAsync(p => p.AgencyId == agency.EmployerId && p.ClientEmployerId == hr.EmployerId, ct)
                ? 0 : await ProjectAsync(agencyActor, hrActor, ct);
            await tx.CommitAsync(ct);
            return new DemoActivity(invited, campaigns, projects);
        });
        if (added.Any)
            logger.LogInformation("Demo activity: {Invitations} invitations, {Campaigns} campus campaign, {Projects} headhunting project in {Seconds:F1} s",
                added.Invitations, added.Campaigns, added.Projects, watch.Elapsed.TotalSeconds);
        return added;
    }

    /// <summary>
    /// Invites the seeker to the employer's open jobs the matching engine ranks best for them. When fewer than two of the
    /// employer's jobs fit at all, the employer first posts openings in the seeker's trade (saved and published by the posting use case,
    /// so verification and screening apply), as an employer looking for such a profile would.
    /// </summary>
    private async Task<int> InviteSeekerAsync(RecruitingActor hr, string talentId, CancellationToken ct)
    {
        var profile = await db.Talent.AsNoTracking().FirstOrDefaultAsync(t => t.Id == talentId, ct);
        if (profile is null) return 0;
        var fits = await FittingJobsAsync(hr.EmployerId!, profile, ct);
        if (fits.Count < 2)
        {
            await PostOpeningsForAsync(hr, profile, 2 - fits.Count, ct);
            fits = await FittingJobsAsync(hr.EmployerId!, profile, ct);
        }
        var sent = 0;
        foreach (var job in fits)
        {
            var result = await invitations.InviteAsync(hr, job.Id, talentId, $"您的技能与我们的「{job.Title}」岗位很契合，欢迎投递，期待与您面谈。", ct);
            if (result.Succeeded) sent++;
            else logger.LogWarning("Demo invitation to {Job} not sent: {Reason}", job.Id, result.ToString());
        }
        return sent;
    }

    /// <summary>The employer's open jobs that fit the profile, best first: an engine over just these jobs and this profile, scored as the zone's.</summary>
    private async Task<List<JobPosting>> FittingJobsAsync(string employerId, TalentProfile profile, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Now);
        var jobs = (await db.Jobs.AsNoTracking().Where(j => j.EmployerId == employerId).OrderBy(j => j.Id).ToListAsync(ct))
            .Where(j => j.IsOpenOn(today)).ToList();
        if (jobs.Count == 0) return [];
        var engine = MatchingEngine.Build(catalog, jobs, [profile], clock);
        return engine.JobsForTalent(profile.Id, InvitationCount).Select(m => jobs.First(j => j.Id == m.JobId)).ToList();
    }

    /// <summary>Openings in the profile's main trade, where they live, at their grade and pay.</summary>
    private async Task PostOpeningsForAsync(RecruitingActor hr, TalentProfile profile, int count, CancellationToken ct)
    {
        acting.Actor = new Actor(hr.UserId, [Roles.EmployerHR], hr.EmployerId, null);
        if (profile.Occupations.FirstOrDefault() is not { } main || catalog.FindOccupation(main.Code) is not { } occupation) return;
        var today = DateOnly.FromDateTime(Now);
        var name = TradeName(occupation);
        var payMin = profile.ExpectedSalaryMin ?? 6000;
        var payMax = Math.Max(payMin, profile.ExpectedSalaryMax ?? payMin + 3000);
        var skills = profile.Skills.Select(s => new JobSkillRow { Name = s }).ToList();
        var grade = main.Grade?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var experience = Math.Floor(profile.ExperienceYears).ToString(System.Globalization.CultureInfo.InvariantCulture);
        JobForm[] openings =
        [
            new()
            {
                Title = name, OccupationCode = main.Code, MinGrade = grade, Skills = skills, City = profile.CityCode,
                SalaryMin = $"{payMin}", SalaryMax = $"{payMax + 2000}", Headcount = "2", ExperienceMinYears = experience,
                ExpiresAt = today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Description = $"负责{name}相关工作，保障产线与办公系统稳定运行；五险一金，双休，提供员工宿舍。",
                Benefits = ["五险一金", "双休", "包住"],
            },
            new()
            {
                Title = name + "（储备骨干）", OccupationCode = main.Code, Skills = skills, City = profile.CityCode,
                SalaryMin = $"{Math.Max(3000, payMin - 1000)}", SalaryMax = $"{payMax}", Headcount = "1",
                ExpiresAt = today.AddDays(45).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Description = $"从事{name}工作，公司提供带教与技能等级认定培训，表现优秀者纳入骨干培养计划；五险一金。",
                Benefits = ["五险一金", "技能补贴"],
            },
        ];
        foreach (var opening in openings.Take(count))
        {
            var saved = await useCases.RunAsync(new SaveJob.Command(null, opening, Publish: true), ct);
            if (!saved.Succeeded) logger.LogWarning("Demo opening not saved: {Reason}", ErrorText.EnglishLine(saved.Errors));
            else if (saved.Value.Refusal is { } refusal) logger.LogWarning("Demo opening {Job} not published: {Reason}", saved.Value.Job.Id, ErrorText.English(refusal));
        }
    }

    /// <summary>
    /// A campus campaign for the largest group of this and next year's graduates (by graduation year and major) among seekers who
    /// share with the zone; the notice goes out in-app, a talk is scheduled at the group's most frequent school and the first
    /// two of the audience sign up.
    /// </summary>
    private async Task<int> CampaignAsync(RecruitingActor hr, CancellationToken ct)
    {
        var year = Now.Year;
        var graduates = await db.Talent.AsNoTracking()
            .Where(t => t.SharedWithZone && t.IsActive && t.Education.GraduationYear >= year && t.Education.GraduationYear <= year + 1
                        && t.Education.MajorCode != null && t.Education.School != null)
            .Select(t => new { t.Id, Year = t.Education.GraduationYear!.Value, Major = t.Education.MajorCode!, School = t.Education.School! })
            .ToListAsync(ct);
        var group = graduates.Where(g => catalog.MajorsByCode.ContainsKey(g.Major))
            .GroupBy(g => (g.Year, g.Major))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Year).ThenBy(g => g.Key.Major, StringComparer.Ordinal).FirstOrDefault();
        if (group is null) return 0;
        var school = group.GroupBy(g => g.School).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;
        var today = DateOnly.FromDateTime(Now);
        var jobIds = (await db.Jobs.AsNoTracking().Where(j => j.EmployerId == hr.EmployerId).OrderBy(j => j.Id).ToListAsync(ct))
            .Where(j => j.IsOpenOn(today)).Take(2).Select(j => j.Id).ToList();
        var employerName = await db.Employers.Where(e => e.Id == hr.EmployerId).Select(e => e.Name).FirstAsync(ct);
        var majorName = catalog.MajorsByCode[group.Key.Major].Name;

        acting.Actor = new Actor(hr.UserId, [Roles.EmployerHR], hr.EmployerId, null);
        var created = await useCases.RunAsync(new CreateCampaign.Command(new CampaignInput($"{group.Key.Year}届校园招聘（{majorName}）",
            $"{employerName}{group.Key.Year}届校园招聘面向{majorName}专业同学开放，欢迎报名参加宣讲会并投递岗位。", [group.Key.Major], [],
            group.Key.Year, jobIds)), ct);
        if (!created.Succeeded) { logger.LogWarning("Demo campaign not created: {Reason}", ErrorText.EnglishLine(created.Errors)); return 0; }
        var campaignId = created.Value.Campaign.Id;
        await useCases.RunAsync(new SendOutreach.Command(campaignId, ["inapp"]), ct);
        var startsAt = DateTime.SpecifyKind(today.AddDays(14).ToDateTime(new TimeOnly(6, 30)), DateTimeKind.Utc); // 14:30 China time
        var talk = await useCases.RunAsync(new AddTalk.Command(campaignId, new TalkInput(school, "图书馆报告厅", startsAt, 120)), ct);
        var reached = await useCases.RunAsync(new GetCampaign.Query(campaignId), ct);
        if (talk.Succeeded && reached.Succeeded)
            foreach (var talentId in reached.Value.Detail.Campaign.Recipients.Select(r => r.TalentId).Order(StringComparer.Ordinal).Take(2).ToList())
            {
                acting.Actor = new Actor("demo-" + talentId, [Roles.Seeker], null, talentId); // the first two of the audience sign up
                await useCases.RunAsync(new SignUpForTalk.Command(talk.Value.Id), ct);
            }
        return 1;
    }

    /// <summary>
    /// A headhunting project for the client's most common occupation among its open jobs, with the best-ranked seekers of the
    /// shared pool as candidates, moved to different steps: one hired, one interviewed, one recommended, one screened, one just
    /// sourced and one dropped.
    /// </summary>
    private async Task<int> ProjectAsync(RecruitingActor agency, RecruitingActor clientHr, CancellationToken ct)
    {
        var clientId = clientHr.EmployerId!;
        var today = DateOnly.FromDateTime(Now);
        var client = await db.Employers.AsNoTracking().FirstAsync(e => e.Id == clientId, ct);
        var jobs = (await db.Jobs.AsNoTracking().Where(j => j.EmployerId == clientId && j.OccupationCode != null).OrderBy(j => j.Id).ToListAsync(ct))
            .Where(j => j.IsOpenOn(today)).ToList();
        var model = jobs.GroupBy(j => j.OccupationCode!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First()).FirstOrDefault();
        var occupation = model?.OccupationCode is { } code ? catalog.FindOccupation(code) : null;
        var title = occupation is null ? "技能人才寻访" : TradeName(occupation) + "寻访";
        var city = catalog.FindRegion(model?.CityCode ?? "") is not null ? model!.CityCode : client.CityCode;
        acting.Actor = new Actor(agency.UserId, [Roles.Agency], agency.EmployerId, null);
        var created = await useCases.RunAsync(new CreateProject.Command(new ProjectInput(clientId, $"{client.Name}·{title}", 3, model?.OccupationCode,
            model?.MinGrade, city, model?.SalaryMin ?? 0, model?.SalaryMax ?? 0, "需能适应倒班，有同类产线经验者优先。",
            "年薪的20%，候选人到岗满30天后支付；到岗3个月内离职免费替换一次。", today, today.AddDays(60))), ct);
        if (!created.Succeeded) { logger.LogWarning("Demo project not created: {Reason}", ErrorText.EnglishLine(created.Errors)); return 0; }
        var projectId = created.Value.View.Project.Id;
        acting.Actor = new Actor(clientHr.UserId, [Roles.EmployerHR], clientId, null); // the client's HR accepts the project
        var accepted = await useCases.RunAsync(new DecideProject.Command(projectId, Accept: true), ct);
        if (!accepted.Succeeded) { logger.LogWarning("Demo project not accepted: {Reason}", ErrorText.EnglishLine(accepted.Errors)); return 0; }
        acting.Actor = new Actor(agency.UserId, [Roles.Agency], agency.EmployerId, null);

        var candidates = model is null ? [] : await RankedForAsync(model, ct);
        CandidateStage[] targets =
            [CandidateStage.Hired, CandidateStage.Interviewed, CandidateStage.Recommended, CandidateStage.Screened, CandidateStage.Sourced, CandidateStage.Dropped];
        foreach (var (talentId, target) in candidates.Zip(targets))
        {
            var added = await useCases.RunAsync(new AddCandidate.Command(projectId, talentId), ct);
            if (!added.Succeeded) continue;
            var candidateId = added.Value.Candidate.Id;
            if (target == CandidateStage.Dropped)
            {
                await useCases.RunAsync(new MoveCandidate.Command(projectId, candidateId, CandidateStages.ToFileName(CandidateStage.Dropped), "期望薪资高于项目预算。"), ct);
                continue;
            }
            foreach (var step in CandidateStages.Funnel.Skip(1).TakeWhile(s => s <= target))
                await useCases.RunAsync(new MoveCandidate.Command(projectId, candidateId, CandidateStages.ToFileName(step)), ct);
        }
        return 1;
    }

    /// <summary>The occupation's name without the catalogue's green (L) and digital (S) marks, as a job title reads.</summary>
    private static string TradeName(Occupation occupation) => occupation.Name.TrimEnd('L', 'S', '/', ' ');

    /// <summary>
    /// Seekers of the shared pool ranked by the matching engine for the job, among those holding an occupation of its minor
    /// group (小类): the same scoring as the zone's suggestions, without building the zone's whole index during start-up.
    /// </summary>
    private async Task<List<string>> RankedForAsync(JobPosting job, CancellationToken ct)
    {
        var group = string.Join('-', job.OccupationCode!.Split('-').Take(3)) + "-";
        var held = await db.Talent.AsNoTracking().Where(t => t.SharedWithZone && t.IsActive).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Occupations }).ToListAsync(ct);
        var ids = held.Where(t => t.Occupations.Any(o => o.Code.StartsWith(group, StringComparison.Ordinal))).Select(t => t.Id).Take(2_000).ToList();
        if (ids.Count == 0) return [];
        var talent = await db.Talent.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync(ct);
        var engine = MatchingEngine.Build(catalog, [job], talent, clock);
        return engine.TalentForJob(job.Id, CandidateCount).Select(r => r.TalentId).ToList();
    }
}
