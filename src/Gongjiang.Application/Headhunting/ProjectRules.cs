using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Headhunting;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Engine;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Headhunting;

/// <summary>
/// What a project is asked to deliver, as the agency enters it; the field names of the errors are the API's
/// (<c>clientEmployerId</c>, <c>title</c>, <c>targetHeadcount</c>, <c>city</c>, <c>payMin</c> …).
/// </summary>
public sealed record ProjectInput(string? ClientEmployerId, string? Title, int? TargetHeadcount, string? OccupationCode, int? MinGrade, string? City,
    int? PayMin, int? PayMax, string? Notes, string? FeeTerms, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>How the viewer relates to a project: the agency running it, or the client it is run for (read-only).</summary>
public enum ProjectRole { Agency, Client }

/// <summary>A project with the viewer's role and the names it is shown with.</summary>
public sealed record ProjectView(HeadhuntingProject Project, ProjectRole Role, string AgencyName, string ClientName);

/// <summary>A project as its pages and the API show it: the view, the masked names of its candidates and, for its agency, suggestions.</summary>
public sealed record ProjectDetail(ProjectView View, IReadOnlyDictionary<string, string> Names, IReadOnlyList<SourcingSuggestion> Suggestions,
    string? OccupationName);

/// <summary>A recommended seeker from the shared pool as an agency sees one: masked name, no contact data.</summary>
public sealed record SourcingSuggestion(int Rank, float Score, string TalentId, string MaskedName, MatchReasons? Reasons);

/// <summary>One candidate of a project with the masked name they are shown with.</summary>
public sealed record CandidateEntry(ProjectCandidate Candidate, string MaskedName);

/// <summary>
/// What the headhunting use cases share (猎头项目): the project as the signed-in agency or client sees it, the one check of a
/// project's terms, saving with the project's version check, masked names and suggestions from the shared pool. Only the
/// agency changes a project; the client reads it; anyone else is told it does not exist.
/// </summary>
public sealed class ProjectRules(AppDbContext db, ICurrentUser currentUser, TimeProvider clock, TaxonomyCatalog taxonomy, MatchingIndex index,
    RankingModels models)
{
    public const int MaxSuggestions = 50;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => ProjectReport.LocalDay(Now);

    private IQueryable<HeadhuntingProject> Full =>
        db.HeadhuntingProjects.Include(p => p.Candidates).ThenInclude(c => c.History).AsSplitQuery();

    public ValueTask<Actor?> ActorAsync(CancellationToken ct) => currentUser.GetAsync(ct);

    /// <summary>
    /// A project run by the signed-in user's agency (tracked unless asked otherwise), to work on: NotFound for anyone else,
    /// refused (<see cref="HeadhuntingErrors.NotAccepted"/>) until its client employer has accepted it.
    /// </summary>
    public async Task<Result<HeadhuntingProject>> OwnAsync(Actor? actor, string id, CancellationToken ct, bool tracked = true)
    {
        if (actor?.EmployerId is not { } agencyId) return Error.NotFound(HeadhuntingErrors.ProjectNotFound, id);
        var query = tracked ? Full : Full.AsNoTracking();
        var project = await query.FirstOrDefaultAsync(p => p.Id == id && p.AgencyId == agencyId, ct);
        if (project is null) return Error.NotFound(HeadhuntingErrors.ProjectNotFound, id);
        return project.ClientDecision == ClientDecision.Accepted ? project : Error.Refused(HeadhuntingErrors.NotAccepted);
    }

    /// <summary>A project as its agency or its client sees it; NotFound for anyone else.</summary>
    public async Task<Result<ProjectView>> VisibleAsync(Actor? actor, string id, CancellationToken ct)
    {
        if (actor?.EmployerId is not { } employerId) return Error.NotFound(HeadhuntingErrors.ProjectNotFound, id);
        var project = await Full.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && (p.AgencyId == employerId || p.ClientEmployerId == employerId), ct);
        return project is null ? Error.NotFound(HeadhuntingErrors.ProjectNotFound, id) : (await ViewsAsync([project], employerId, ct)).Single();
    }

    public async Task<List<ProjectView>> ViewsAsync(List<HeadhuntingProject> projects, string employerId, CancellationToken ct)
    {
        var ids = projects.SelectMany(p => new[] { p.AgencyId, p.ClientEmployerId }).Distinct().ToList();
        var names = await db.Employers.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return projects.Select(p => new ProjectView(p, p.AgencyId == employerId ? ProjectRole.Agency : ProjectRole.Client,
            names.GetValueOrDefault(p.AgencyId) ?? p.AgencyId, names.GetValueOrDefault(p.ClientEmployerId) ?? p.ClientEmployerId)).ToList();
    }

    /// <summary>The project with its candidates' masked names, and up to <paramref name="suggestions"/> suggestions when its agency views it open.</summary>
    public async Task<ProjectDetail> DetailAsync(ProjectView view, int suggestions, CancellationToken ct)
    {
        var p = view.Project;
        var names = await MaskedNamesAsync(p.Candidates.Select(c => c.TalentId), ct);
        var suggested = suggestions > 0 && view.Role == ProjectRole.Agency && p.Status == ProjectStatus.Open
            && p.ClientDecision == ClientDecision.Accepted ? await SuggestAsync(p, suggestions, ct) : [];
        return new ProjectDetail(view, names, suggested, taxonomy.FindOccupation(p.OccupationCode)?.Name);
    }

    /// <summary>The detail of a project the agency just changed, from the tracked entity.</summary>
    public async Task<ProjectDetail> DetailOfOwnAsync(HeadhuntingProject project, CancellationToken ct) =>
        await DetailAsync((await ViewsAsync([project], project.AgencyId, ct)).Single(), 0, ct);

    /// <summary>Masked names of seekers, for the agency's and the client's pages.</summary>
    public Task<Dictionary<string, string>> MaskedNamesAsync(IEnumerable<string> talentIds, CancellationToken ct)
    {
        var ids = talentIds.Distinct().ToList();
        return db.TalentContacts.AsNoTracking().Where(c => ids.Contains(c.TalentId)).ToDictionaryAsync(c => c.TalentId, c => TalentService.MaskName(c.Name), ct);
    }

    public async Task<CandidateEntry> EntryAsync(ProjectCandidate candidate, CancellationToken ct) =>
        new(candidate, (await MaskedNamesAsync([candidate.TalentId], ct)).GetValueOrDefault(candidate.TalentId) ?? "");

    /// <summary>
    /// Seekers from the shared pool the matching engine ranks best for the project's requirements, leaving out those already in
    /// the project. Names are masked; contact details are never part of a suggestion.
    /// </summary>
    public async Task<List<SourcingSuggestion>> SuggestAsync(HeadhuntingProject project, int top, CancellationToken ct)
    {
        top = Math.Clamp(top, 1, MaxSuggestions);
        var engine = await index.GetAsync(ct);
        var options = new MatchOptions { Reranker = await models.ActiveAsync(ct) };
        var taken = project.Candidates.Select(c => c.TalentId).ToHashSet();
        var results = engine.TalentForJob(AsPosting(project), top * 3 + 20 + taken.Count, options)
            .Where(r => index.IsShared(r.TalentId) && !taken.Contains(r.TalentId)).Take(top).ToList();
        var names = await db.TalentContacts.AsNoTracking().Where(c => results.Select(r => r.TalentId).Contains(c.TalentId))
            .ToDictionaryAsync(c => c.TalentId, c => c.Name, ct);
        return results.Select((r, i) => new SourcingSuggestion(i + 1, r.Score, r.TalentId, TalentService.MaskName(names.GetValueOrDefault(r.TalentId) ?? ""), r.Reasons))
            .ToList();
    }

    /// <summary>The project's requirements as a posting the engine can rank talent for; it is never stored.</summary>
    private JobPosting AsPosting(HeadhuntingProject p) => new()
    {
        Id = p.Id, EmployerId = p.ClientEmployerId, Title = p.Title, OccupationCode = p.OccupationCode, MinGrade = p.MinGrade, CityCode = p.CityCode,
        SalaryMin = p.PayMin, SalaryMax = p.PayMax, Headcount = Math.Max(1, p.TargetHeadcount), PostedAt = Today, Description = p.Notes ?? "",
        Status = JobStatus.Open, CreatedAt = p.CreatedAt, UpdatedAt = p.UpdatedAt,
    };

    /// <summary>The one check of a project's terms: every field that breaks a rule, named as the API names it.</summary>
    public async Task<ErrorList> CheckAsync(string agencyId, ProjectInput input, CancellationToken ct)
    {
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(input.ClientEmployerId)) errors.Add("clientEmployerId", InputErrors.Required);
        else if (input.ClientEmployerId.Trim() == agencyId) errors.Add("clientEmployerId", HeadhuntingErrors.ClientIsAgency);
        else if (!await db.Employers.AnyAsync(e => e.Id == input.ClientEmployerId.Trim() && !e.IsAgency, ct)) errors.Add("clientEmployerId", HeadhuntingErrors.UnknownClient);
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", InputErrors.Required);
        else if (input.Title.Trim().Length > 100) errors.Add("title", HeadhuntingErrors.Title);
        if (input.TargetHeadcount is not { } target) errors.Add("targetHeadcount", InputErrors.Required);
        else if (target is < 1 or > 100000) errors.Add("targetHeadcount", HeadhuntingErrors.TargetHeadcount);
        if (!string.IsNullOrWhiteSpace(input.OccupationCode) && taxonomy.FindOccupation(input.OccupationCode.Trim()) is null)
            errors.Add("occupationCode", HeadhuntingErrors.UnknownOccupation);
        if (input.MinGrade is < 1 or > 5) errors.Add("minGrade", HeadhuntingErrors.MinGrade);
        if (string.IsNullOrWhiteSpace(input.City)) errors.Add("city", InputErrors.Required);
        else if (taxonomy.FindRegion(input.City.Trim()) is null) errors.Add("city", HeadhuntingErrors.City);
        var (payMin, payMax) = (input.PayMin ?? 0, input.PayMax ?? 0);
        if (payMin < 0 || payMax < 0 || (payMax > 0 && payMin > payMax)) errors.Add("payMin", HeadhuntingErrors.PayRange);
        if (input.StartsOn is { } s && input.EndsOn is { } e && e < s) errors.Add("endsOn", HeadhuntingErrors.EndsBeforeStart);
        if (input.Notes is { Length: > 2000 }) errors.Add("notes", HeadhuntingErrors.TextTooLong, 2000);
        if (input.FeeTerms is { Length: > 1000 }) errors.Add("feeTerms", HeadhuntingErrors.TextTooLong, 1000);
        return errors;
    }

    /// <summary>The checked terms onto the project; a new version, so copies loaded before no longer save.</summary>
    /// <summary>The input with every field it leaves out (null) taken from the project as it is.</summary>
    public static ProjectInput Over(ProjectInput input, HeadhuntingProject p) => new(
        input.ClientEmployerId ?? p.ClientEmployerId, input.Title ?? p.Title, input.TargetHeadcount ?? p.TargetHeadcount,
        input.OccupationCode ?? p.OccupationCode, input.MinGrade ?? p.MinGrade, input.City ?? p.CityCode, input.PayMin ?? p.PayMin,
        input.PayMax ?? p.PayMax, input.Notes ?? p.Notes, input.FeeTerms ?? p.FeeTerms, input.StartsOn ?? p.StartsOn, input.EndsOn ?? p.EndsOn);

    public void Apply(HeadhuntingProject p, ProjectInput input)
    {
        var client = input.ClientEmployerId!.Trim();
        if (p.ClientEmployerId.Length > 0 && p.ClientEmployerId != client)
        {
            // Another client has not agreed to anything: the project waits for the new client's answer.
            p.ClientDecision = ClientDecision.Awaiting;
            p.ClientDecidedAt = null;
            p.ClientDecidedByUserId = null;
            p.ClientDeclineReason = null;
        }
        p.ClientEmployerId = client;
        p.Title = input.Title!.Trim();
        p.TargetHeadcount = input.TargetHeadcount!.Value;
        p.OccupationCode = string.IsNullOrWhiteSpace(input.OccupationCode) ? null : input.OccupationCode.Trim();
        p.MinGrade = input.MinGrade;
        p.CityCode = input.City!.Trim();
        p.PayMin = input.PayMin ?? 0;
        p.PayMax = input.PayMax ?? 0;
        p.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        p.FeeTerms = string.IsNullOrWhiteSpace(input.FeeTerms) ? null : input.FeeTerms.Trim();
        p.StartsOn = input.StartsOn ?? (p.StartsOn == default ? Today : p.StartsOn);
        p.EndsOn = input.EndsOn;
        p.UpdatedAt = Now;
        p.Version = Guid.NewGuid();
    }

    /// <summary>Opens, pauses or closes the project; closing without an end date ends it today.</summary>
    public void SetStatus(HeadhuntingProject project, ProjectStatus status)
    {
        project.Status = status;
        if (status == ProjectStatus.Closed && project.EndsOn is null) project.EndsOn = Today;
        project.UpdatedAt = Now;
        project.Version = Guid.NewGuid();
    }

    /// <summary>"open", "paused" or "closed" (the API's and the form's words), or the field's error.</summary>
    public static Result<ProjectStatus> ParseStatus(string? status) =>
        ProjectStatuses.TryParse(status, out var parsed) ? parsed : Error.Invalid("status", HeadhuntingErrors.UnknownStatus);

    /// <summary>
    /// Saves once. A project saved by someone else between our read and our write (its version changed) is a conflict; a
    /// <paramref name="duplicate"/> error answers a unique index that caught a simultaneous add.
    /// </summary>
    public Task<Result<T>> SaveAsync<T>(T value, CancellationToken ct, Error? duplicate = null) =>
        db.SaveOnceAsync(value, Error.Conflict(HeadhuntingErrors.ChangedMeanwhile), duplicate, ct);
}
