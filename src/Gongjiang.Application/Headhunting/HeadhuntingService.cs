using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Common;
using Gongjiang.Core.Headhunting;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Engine;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Headhunting;

/// <summary>What a project is asked to deliver, as the agency enters it.</summary>
public sealed record ProjectInput(string ClientEmployerId, string Title, int TargetHeadcount, string? OccupationCode, int? MinGrade, string CityCode,
    int PayMin, int PayMax, string? Notes, string? FeeTerms, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>How the viewer relates to a project: the agency running it, or the client it is run for (read-only).</summary>
public enum ProjectRole { Agency, Client }

/// <summary>A project with the viewer's role and the names it is shown with.</summary>
public sealed record ProjectView(HeadhuntingProject Project, ProjectRole Role, string AgencyName, string ClientName);

/// <summary>A recommended seeker from the shared pool as an agency sees one: masked name, no contact data.</summary>
public sealed record SourcingSuggestion(int Rank, float Score, string TalentId, string MaskedName, MatchReasons? Reasons);

/// <summary>
/// Headhunting projects (猎头项目): an HR-service agency runs a project for a client employer, sources candidates from the
/// zone's shared pool through the matching engine, moves them along the funnel (已寻访 → 已筛选 → 已推荐 → 已面试 → 已到岗, or 已淘汰
/// with a reason) and reports counts and the delivery rate. Only the agency changes a project; the client reads it; anyone
/// else is told it does not exist.
/// </summary>
public sealed class HeadhuntingService(AppDbContext db, TimeProvider clock, TaxonomyCatalog taxonomy, MatchingIndex index, RankingModels models)
{
    public const int MaxSuggestions = 50;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => ProjectReport.LocalDay(Now);

    private IQueryable<HeadhuntingProject> Full =>
        db.HeadhuntingProjects.Include(p => p.Candidates).ThenInclude(c => c.History).AsSplitQuery();

    /// <summary>Whether the employer record is an HR-service agency: only those run projects.</summary>
    public Task<bool> IsAgencyAsync(string? employerId, CancellationToken ct = default) =>
        employerId is null ? Task.FromResult(false) : db.Employers.AnyAsync(e => e.Id == employerId && e.IsAgency, ct);

    public async Task<RecruitingResult<HeadhuntingProject>> CreateAsync(RecruitingActor agency, ProjectInput input, CancellationToken ct = default)
    {
        if (!await IsAgencyAsync(agency.EmployerId, ct)) return Refuse.Invalid<HeadhuntingProject>("只有人力资源服务机构可以创建猎头项目。");
        // The publishing gate: an HR-service business needs a valid verification and an approved, unexpired licence.
        var agencyRecord = await db.Employers.AsNoTracking().FirstAsync(e => e.Id == agency.EmployerId, ct);
        if (agencyRecord.WhyCannotPublish(Now) is { } notAllowed) return Refuse.Illegal<HeadhuntingProject>(Common.Results.ErrorText.For(Common.Results.Error.Refused(notAllowed)));
        if (await CheckAsync(agency.EmployerId!, input, ct) is { } invalid) return Refuse.Invalid<HeadhuntingProject>(invalid);
        var now = Now;
        var project = new HeadhuntingProject { Id = EntityId.New('H', clock), AgencyId = agency.EmployerId!, CreatedAt = now, Status = ProjectStatus.Open };
        Apply(project, input, now);
        db.HeadhuntingProjects.Add(project);
        await db.SaveChangesAsync(ct);
        return project;
    }

    public const string ConflictMessage = "该项目刚被其他人修改过，您的修改未保存。请刷新后查看最新内容再修改。";

    public Task<RecruitingResult<HeadhuntingProject>> UpdateAsync(RecruitingActor agency, string id, ProjectInput input, CancellationToken ct = default) =>
        UpdateAsync(agency, id, input, status: null, expectedVersion: null, ct);

    /// <summary>
    /// Changes the agency's own project: its requirements, target headcount and fee terms, and with <paramref name="status"/> its
    /// status too (the same rules as <see cref="SetStatusAsync"/>). A closed project is no longer changed. With
    /// <paramref name="expectedVersion"/>, an edit of a copy someone changed since is refused (a conflict) and nothing is saved.
    /// </summary>
    public async Task<RecruitingResult<HeadhuntingProject>> UpdateAsync(RecruitingActor agency, string id, ProjectInput input, ProjectStatus? status,
        Guid? expectedVersion, CancellationToken ct = default)
    {
        var project = await OwnedAsync(agency, id, ct);
        if (project is null) return Refuse.NotFound<HeadhuntingProject>($"project {id}");
        if (expectedVersion is { } expected && expected != project.Version) return new(default, RecruitingFailure.Conflict, ConflictMessage);
        if (project.Status == ProjectStatus.Closed) return Refuse.Illegal<HeadhuntingProject>("项目已结束，不能再修改。");
        if (status is { } s && !Enum.IsDefined(s)) return Refuse.Invalid<HeadhuntingProject>("项目状态无效。");
        if (await CheckAsync(project.AgencyId, input, ct) is { } invalid) return Refuse.Invalid<HeadhuntingProject>(invalid);
        Apply(project, input, Now);
        if (status is { } to) SetStatus(project, to);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // someone saved the project between our read and our write
            return new(default, RecruitingFailure.Conflict, ConflictMessage);
        }
        return project;
    }

    private void SetStatus(HeadhuntingProject project, ProjectStatus status)
    {
        project.Status = status;
        if (status == ProjectStatus.Closed && project.EndsOn is null) project.EndsOn = Today;
        project.UpdatedAt = Now;
        project.Version = Guid.NewGuid();
    }

    public async Task<RecruitingResult<HeadhuntingProject>> SetStatusAsync(RecruitingActor agency, string id, ProjectStatus status, CancellationToken ct = default)
    {
        var project = await OwnedAsync(agency, id, ct);
        if (project is null) return Refuse.NotFound<HeadhuntingProject>($"project {id}");
        if (project.Status == ProjectStatus.Closed && status != ProjectStatus.Closed) return Refuse.Illegal<HeadhuntingProject>("项目已结束，不能重新开启。");
        SetStatus(project, status);
        await db.SaveChangesAsync(ct);
        return project;
    }

    /// <summary>The agency's own projects, or the projects run for the client employer; newest first.</summary>
    public async Task<List<ProjectView>> ListAsync(string employerId, CancellationToken ct = default)
    {
        var projects = await Full.AsNoTracking().Where(p => p.AgencyId == employerId || p.ClientEmployerId == employerId)
            .OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        return await ViewsAsync(projects, employerId, ct);
    }

    /// <summary>A project as its agency or its client sees it; null for anyone else.</summary>
    public async Task<ProjectView?> FindAsync(string? employerId, string id, CancellationToken ct = default)
    {
        if (employerId is null) return null;
        var project = await Full.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && (p.AgencyId == employerId || p.ClientEmployerId == employerId), ct);
        return project is null ? null : (await ViewsAsync([project], employerId, ct)).Single();
    }

    /// <summary>Adds a seeker from the shared pool as a sourced candidate; a seeker who does not share with the zone is not found.</summary>
    public async Task<RecruitingResult<ProjectCandidate>> AddCandidateAsync(RecruitingActor agency, string projectId, string talentId, CancellationToken ct = default)
    {
        var project = await OwnedAsync(agency, projectId, ct);
        if (project is null) return Refuse.NotFound<ProjectCandidate>($"project {projectId}");
        if (project.Status != ProjectStatus.Open) return Refuse.Illegal<ProjectCandidate>("项目未在进行中，不能添加候选人。");
        if (!await db.Talent.AnyAsync(t => t.Id == talentId && t.SharedWithZone && t.IsActive, ct)) return Refuse.NotFound<ProjectCandidate>($"talent {talentId}");
        if (project.Candidates.Any(c => c.TalentId == talentId)) return Refuse.Illegal<ProjectCandidate>("该人才已在项目中。");
        var now = Now;
        var candidate = new ProjectCandidate { Id = EntityId.New('C', clock), ProjectId = project.Id, TalentId = talentId, Stage = CandidateStage.Sourced, AddedAt = now, UpdatedAt = now };
        candidate.History.Add(new CandidateStageChange { CandidateId = candidate.Id, To = CandidateStage.Sourced, ByUserId = agency.UserId, At = now });
        db.ProjectCandidates.Add(candidate);
        project.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // the project's terms were edited meanwhile
            return new(default, RecruitingFailure.Conflict, ConflictMessage);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the unique (project, talent) index caught a simultaneous add
            return Refuse.Illegal<ProjectCandidate>("该人才已在项目中。");
        }
        return candidate;
    }

    /// <summary>Moves a candidate one step along the funnel, or drops them with a reason.</summary>
    public async Task<RecruitingResult<ProjectCandidate>> MoveCandidateAsync(RecruitingActor agency, string projectId, string candidateId, CandidateStage to,
        string? reason, CancellationToken ct = default)
    {
        var project = await OwnedAsync(agency, projectId, ct);
        var candidate = project?.Candidates.FirstOrDefault(c => c.Id == candidateId);
        if (project is null || candidate is null) return Refuse.NotFound<ProjectCandidate>($"candidate {candidateId}");
        if (project.Status == ProjectStatus.Closed) return Refuse.Illegal<ProjectCandidate>("项目已结束，不能再变更候选人。");
        if (candidate.TryMove(to, agency.UserId, Now, reason) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return to == CandidateStage.Dropped && !CandidateStages.IsClosed(candidate.Stage)
                ? Refuse.Invalid<ProjectCandidate>(refusal) : Refuse.Illegal<ProjectCandidate>(refusal);
        }
        project.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // the project's terms were edited meanwhile
            return new(default, RecruitingFailure.Conflict, ConflictMessage);
        }
        return candidate;
    }

    /// <summary>
    /// Seekers from the shared pool the matching engine ranks best for the project's requirements, leaving out those already in
    /// the project. Names are masked; contact details are never part of a suggestion.
    /// </summary>
    public async Task<List<SourcingSuggestion>?> SuggestAsync(RecruitingActor agency, string projectId, int top, CancellationToken ct = default)
    {
        var project = await OwnedAsync(agency, projectId, ct, tracked: false);
        if (project is null) return null;
        top = Math.Clamp(top, 1, MaxSuggestions);
        var engine = await index.GetAsync(ct);
        var options = new MatchOptions { Reranker = await models.ActiveAsync(ct) };
        var taken = project.Candidates.Select(c => c.TalentId).ToHashSet();
        var results = engine.TalentForJob(AsPosting(project), top * 3 + 20 + taken.Count, options)
            .Where(r => index.IsShared(r.TalentId) && !taken.Contains(r.TalentId)).Take(top).ToList();
        var ids = results.Select(r => r.TalentId).ToList();
        var names = await db.TalentContacts.AsNoTracking().Where(c => ids.Contains(c.TalentId)).ToDictionaryAsync(c => c.TalentId, c => c.Name, ct);
        return results.Select((r, i) => new SourcingSuggestion(i + 1, r.Score, r.TalentId, TalentService.MaskName(names.GetValueOrDefault(r.TalentId) ?? ""), r.Reasons)).ToList();
    }

    /// <summary>Masked names of a project's candidates, for the agency's and the client's pages.</summary>
    public Task<Dictionary<string, string>> MaskedNamesAsync(HeadhuntingProject project, CancellationToken ct = default)
    {
        var ids = project.Candidates.Select(c => c.TalentId).ToList();
        return db.TalentContacts.AsNoTracking().Where(c => ids.Contains(c.TalentId))
            .ToDictionaryAsync(c => c.TalentId, c => TalentService.MaskName(c.Name), ct);
    }

    public ProjectReport Report(HeadhuntingProject project, ReportPeriod period) => ProjectReport.Build(project, period, Today);

    /// <summary>The project's requirements as a posting the engine can rank talent for; it is never stored.</summary>
    private JobPosting AsPosting(HeadhuntingProject p) => new()
    {
        Id = p.Id, EmployerId = p.ClientEmployerId, Title = p.Title, OccupationCode = p.OccupationCode, MinGrade = p.MinGrade, CityCode = p.CityCode,
        SalaryMin = p.PayMin, SalaryMax = p.PayMax, Headcount = Math.Max(1, p.TargetHeadcount), PostedAt = Today, Description = p.Notes ?? "",
        Status = JobStatus.Open, CreatedAt = p.CreatedAt, UpdatedAt = p.UpdatedAt,
    };

    private Task<HeadhuntingProject?> OwnedAsync(RecruitingActor agency, string id, CancellationToken ct, bool tracked = true)
    {
        if (agency.EmployerId is not { } agencyId) return Task.FromResult<HeadhuntingProject?>(null);
        var query = tracked ? Full : Full.AsNoTracking();
        return query.FirstOrDefaultAsync(p => p.Id == id && p.AgencyId == agencyId, ct);
    }

    private async Task<List<ProjectView>> ViewsAsync(List<HeadhuntingProject> projects, string employerId, CancellationToken ct)
    {
        var ids = projects.SelectMany(p => new[] { p.AgencyId, p.ClientEmployerId }).Distinct().ToList();
        var names = await db.Employers.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return projects.Select(p => new ProjectView(p, p.AgencyId == employerId ? ProjectRole.Agency : ProjectRole.Client,
            names.GetValueOrDefault(p.AgencyId) ?? p.AgencyId, names.GetValueOrDefault(p.ClientEmployerId) ?? p.ClientEmployerId)).ToList();
    }

    private async Task<string?> CheckAsync(string agencyId, ProjectInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 100) return "请填写项目名称（不超过100字）。";
        if (input.TargetHeadcount is < 1 or > 100000) return "目标人数须在 1 到 100000 之间。";
        if (input.ClientEmployerId == agencyId) return "委托企业不能是机构自身。";
        if (string.IsNullOrWhiteSpace(input.ClientEmployerId) || !await db.Employers.AnyAsync(e => e.Id == input.ClientEmployerId && !e.IsAgency, ct))
            return "委托企业不存在。";
        if (!string.IsNullOrWhiteSpace(input.OccupationCode) && taxonomy.FindOccupation(input.OccupationCode.Trim()) is null) return "职业编码不在《职业分类大典》中。";
        if (input.MinGrade is < 1 or > 5) return "技能等级须在 1 到 5 之间。";
        if (taxonomy.FindRegion(input.CityCode) is null) return "请选择有效的城市（行政区划代码）。";
        if (input.PayMin < 0 || input.PayMax < 0 || (input.PayMax > 0 && input.PayMin > input.PayMax)) return "薪资范围有误：下限不能高于上限。";
        if (input.StartsOn is { } s && input.EndsOn is { } e && e < s) return "结束日期不能早于开始日期。";
        if (input.Notes is { Length: > 2000 } || input.FeeTerms is { Length: > 1000 }) return "备注或收费条款过长。";
        return null;
    }

    private void Apply(HeadhuntingProject p, ProjectInput input, DateTime now)
    {
        p.ClientEmployerId = input.ClientEmployerId.Trim();
        p.Title = input.Title.Trim();
        p.TargetHeadcount = input.TargetHeadcount;
        p.OccupationCode = string.IsNullOrWhiteSpace(input.OccupationCode) ? null : input.OccupationCode.Trim();
        p.MinGrade = input.MinGrade;
        p.CityCode = input.CityCode.Trim();
        p.PayMin = input.PayMin;
        p.PayMax = input.PayMax;
        p.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        p.FeeTerms = string.IsNullOrWhiteSpace(input.FeeTerms) ? null : input.FeeTerms.Trim();
        p.StartsOn = input.StartsOn ?? (p.StartsOn == default ? Today : p.StartsOn);
        p.EndsOn = input.EndsOn;
        p.UpdatedAt = now;
        p.Version = Guid.NewGuid();
    }
}
