using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Headhunting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

/// <summary>
/// Headhunting projects (猎头项目): an agency creates and runs projects for client employers, sources candidates from the shared
/// pool and moves them along the funnel; the client's HR reads the project and its report. Another agency's project answers
/// 404; an HR user creating a project answers 403; an illegal funnel move answers 409.
/// </summary>
public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder v1)
    {
        var agency = new[] { Roles.Agency };
        var readers = new[] { Roles.Agency, Roles.EmployerHR };
        var group = v1.MapGroup("/projects").WithTags("Headhunting");
        group.MapGet("/", List).WithName("ListProjects").WithSummary("The agency's own projects, or the projects run for the HR user's employer")
            .RequireAuthorization(p => p.RequireRole(readers));
        group.MapPost("/", Create).WithName("CreateProject").WithSummary("Create a headhunting project for a client employer (agencies only)")
            .RequireAuthorization(p => p.RequireRole(agency));
        group.MapGet("/{id}", Get).WithName("GetProject").WithSummary("One project with its candidates, funnel counts and delivery rate")
            .RequireAuthorization(p => p.RequireRole(readers));
        group.MapPut("/{id}", Update).WithName("UpdateProject").WithSummary("Change the project's requirements and terms")
            .RequireAuthorization(p => p.RequireRole(agency));
        group.MapPost("/{id}/status", SetStatus).WithName("SetProjectStatus").WithSummary("Open, pause or close the project")
            .RequireAuthorization(p => p.RequireRole(agency));
        group.MapGet("/{id}/report", Report).WithName("GetProjectReport")
            .WithSummary("The periodic report (period=weekly|monthly): new and cumulative counts per stage, delivery rate")
            .RequireAuthorization(p => p.RequireRole(readers));
        group.MapGet("/{id}/suggestions", Suggestions).WithName("GetProjectSuggestions")
            .WithSummary("Seekers from the shared pool the matching engine ranks best for the requirements; masked names, no contact data")
            .RequireAuthorization(p => p.RequireRole(agency));
        group.MapPost("/{id}/candidates", AddCandidate).WithName("AddProjectCandidate").WithSummary("Add a seeker from the shared pool as sourced")
            .RequireAuthorization(p => p.RequireRole(agency));
        group.MapPost("/{id}/candidates/{candidateId}/stage", MoveCandidate).WithName("MoveProjectCandidate")
            .WithSummary("Move a candidate one step (screened, recommended, interviewed, hired) or drop with a reason")
            .RequireAuthorization(p => p.RequireRole(agency));
        return v1;
    }

    public sealed record ProjectRequest(string? ClientEmployerId, string? Title, int? TargetHeadcount, string? OccupationCode, int? MinGrade, string? City,
        int? PayMin, int? PayMax, string? Notes, string? FeeTerms, DateOnly? StartsOn, DateOnly? EndsOn);
    public sealed record StatusRequest(string? Status);
    public sealed record CandidateRequest(string? TalentId);
    public sealed record CandidateMoveRequest(string? To, string? Reason);

    public sealed record CandidateChangeView(string? From, string To, DateTime At, string? Reason);
    public sealed record CandidateView(string Id, string TalentId, string MaskedName, string Stage, string? DropReason, DateTime AddedAt,
        IReadOnlyList<CandidateChangeView> History);
    public sealed record FunnelView(int Sourced, int Screened, int Recommended, int Interviewed, int Hired, int Dropped);
    public sealed record ProjectDto(string Id, string Role, string AgencyId, string AgencyName, string ClientEmployerId, string ClientName, string Title,
        int TargetHeadcount, string? OccupationCode, int? MinGrade, string City, int PayMin, int PayMax, string? Notes, string? FeeTerms, string Status,
        DateOnly StartsOn, DateOnly? EndsOn, FunnelView Current, FunnelView Reached, double DeliveryRate, IReadOnlyList<CandidateView>? Candidates);
    public sealed record PeriodView(DateOnly From, DateOnly To, FunnelView New, FunnelView Cumulative, double DeliveryRate);
    public sealed record ReportView(string ProjectId, string Period, int TargetHeadcount, FunnelView Totals, double DeliveryRate, IReadOnlyList<PeriodView> Periods);
    public sealed record SuggestionView(int Rank, float Score, string TalentId, string MaskedName, RecommendationsApi.ReasonsView? Reasons);

    private static FunnelView Funnel(Func<CandidateStage, int> count) => new(count(CandidateStage.Sourced), count(CandidateStage.Screened),
        count(CandidateStage.Recommended), count(CandidateStage.Interviewed), count(CandidateStage.Hired), count(CandidateStage.Dropped));

    /// <summary>Candidates at each stage now, and how many ever reached each stage (the funnel).</summary>
    public static (FunnelView Current, FunnelView Reached) Counts(HeadhuntingProject p) => (
        Funnel(s => p.Candidates.Count(c => c.Stage == s)),
        Funnel(s => p.Candidates.Count(c => c.History.Any(h => h.To == s))));

    public static ProjectDto ToDto(ProjectView view, IReadOnlyDictionary<string, string>? names)
    {
        var p = view.Project;
        var (current, reached) = Counts(p);
        return new ProjectDto(p.Id, view.Role.ToString().ToLowerInvariant(), p.AgencyId, view.AgencyName, p.ClientEmployerId, view.ClientName, p.Title,
            p.TargetHeadcount, p.OccupationCode, p.MinGrade, p.CityCode, p.PayMin, p.PayMax, p.Notes, p.FeeTerms, ProjectStatuses.ToFileName(p.Status),
            p.StartsOn, p.EndsOn, current, reached, p.DeliveryRate,
            names is null ? null : p.Candidates.OrderBy(c => c.AddedAt).ThenBy(c => c.Id).Select(c => ToView(c, names)).ToList());
    }

    private static CandidateView ToView(ProjectCandidate c, IReadOnlyDictionary<string, string> names) => new(c.Id, c.TalentId,
        names.GetValueOrDefault(c.TalentId) ?? "", CandidateStages.ToFileName(c.Stage), c.DropReason, c.AddedAt,
        c.History.OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new CandidateChangeView(h.From is { } f ? CandidateStages.ToFileName(f) : null, CandidateStages.ToFileName(h.To), h.At, h.Reason)).ToList());

    private static async Task<RecruitingActor?> ActorAsync(HttpContext http, UserManager<AppUser> users)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        return user is { IsEmployer: true } ? new RecruitingActor(user.Id, user.EmployerId, null) : null;
    }

    private static ProblemHttpResult Failure<T>(RecruitingResult<T> result, string what) => result.Failure switch
    {
        RecruitingFailure.NotFound => ApiResults.NotFound(what),
        RecruitingFailure.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "输入有误 / Invalid input", detail: result.Message),
        _ => ApiResults.Conflict(result.Message ?? "conflict"),
    };

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "输入有误 / Invalid input");

    private static ValidationProblem? Check(ProjectRequest body, out ProjectInput input)
    {
        input = null!;
        if (string.IsNullOrWhiteSpace(body.ClientEmployerId)) return Invalid("clientEmployerId", "is required");
        if (string.IsNullOrWhiteSpace(body.Title)) return Invalid("title", "is required");
        if (body.TargetHeadcount is not { } target) return Invalid("targetHeadcount", "is required");
        if (string.IsNullOrWhiteSpace(body.City)) return Invalid("city", "is required");
        input = new ProjectInput(body.ClientEmployerId, body.Title, target, body.OccupationCode, body.MinGrade, body.City, body.PayMin ?? 0, body.PayMax ?? 0,
            body.Notes, body.FeeTerms, body.StartsOn, body.EndsOn);
        return null;
    }

    private static async Task<Results<Ok<List<ProjectDto>>, ProblemHttpResult>> List(HeadhuntingService service, HttpContext http, UserManager<AppUser> users,
        CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        if (actor?.EmployerId is not { } employerId) return TypedResults.Problem(statusCode: 403, title: "No employer");
        return TypedResults.Ok((await service.ListAsync(employerId, ct)).Select(v => ToDto(v, null)).ToList());
    }

    private static async Task<Results<Created<ProjectDto>, ValidationProblem, ProblemHttpResult>> Create(ProjectRequest body, HeadhuntingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (Check(body, out var input) is { } invalid) return invalid;
        var actor = await ActorAsync(http, users);
        if (actor is null || !await service.IsAgencyAsync(actor.EmployerId, ct))
            return TypedResults.Problem(statusCode: 403, title: "禁止 / Forbidden", detail: "只有人力资源服务机构可以创建猎头项目。");
        var result = await service.CreateAsync(actor, input, ct);
        if (result.Failure == RecruitingFailure.Illegal) // the publishing gate: verification and HR-service licence
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "不能创建项目 / Not allowed", detail: result.Message);
        if (!result.Succeeded) return Failure(result, "project");
        var view = (await service.FindAsync(actor.EmployerId, result.Value!.Id, ct))!;
        return TypedResults.Created($"/api/v1/projects/{view.Project.Id}", ToDto(view, new Dictionary<string, string>()));
    }

    private static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> Get(string id, HeadhuntingService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var actor = await ActorAsync(http, users);
        var view = await service.FindAsync(actor?.EmployerId, id, ct);
        if (view is null) return ApiResults.NotFound($"project {id}");
        return TypedResults.Ok(ToDto(view, await service.MaskedNamesAsync(view.Project, ct)));
    }

    private static async Task<Results<Ok<ProjectDto>, ValidationProblem, ProblemHttpResult>> Update(string id, ProjectRequest body, HeadhuntingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (Check(body, out var input) is { } invalid) return invalid;
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"project {id}");
        var result = await service.UpdateAsync(actor, id, input, ct);
        if (!result.Succeeded) return Failure(result, $"project {id}");
        var view = (await service.FindAsync(actor.EmployerId, id, ct))!;
        return TypedResults.Ok(ToDto(view, await service.MaskedNamesAsync(view.Project, ct)));
    }

    private static async Task<Results<Ok<ProjectDto>, ValidationProblem, ProblemHttpResult>> SetStatus(string id, StatusRequest body, HeadhuntingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (!ProjectStatuses.TryParse(body.Status, out var status)) return Invalid("status", "must be open, paused or closed");
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"project {id}");
        var result = await service.SetStatusAsync(actor, id, status, ct);
        if (!result.Succeeded) return Failure(result, $"project {id}");
        var view = (await service.FindAsync(actor.EmployerId, id, ct))!;
        return TypedResults.Ok(ToDto(view, await service.MaskedNamesAsync(view.Project, ct)));
    }

    private static async Task<Results<Ok<ReportView>, ValidationProblem, ProblemHttpResult>> Report(string id, string? period, HeadhuntingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (!TryParsePeriod(period, out var kind)) return Invalid("period", "must be weekly or monthly");
        var actor = await ActorAsync(http, users);
        var view = await service.FindAsync(actor?.EmployerId, id, ct);
        if (view is null) return ApiResults.NotFound($"project {id}");
        var report = service.Report(view.Project, kind);
        FunnelView Of(IReadOnlyDictionary<CandidateStage, int> counts) => Funnel(s => counts.GetValueOrDefault(s));
        return TypedResults.Ok(new ReportView(id, kind.ToString().ToLowerInvariant(), report.TargetHeadcount, Of(report.Totals), report.DeliveryRate,
            report.Rows.Select(r => new PeriodView(r.From, r.To, Of(r.New), Of(r.Cumulative), r.DeliveryRate)).ToList()));
    }

    public static bool TryParsePeriod(string? value, out ReportPeriod period)
    {
        period = value?.ToLowerInvariant() == "monthly" ? ReportPeriod.Monthly : ReportPeriod.Weekly;
        return value is null or "" || value.Equals("weekly", StringComparison.OrdinalIgnoreCase) || value.Equals("monthly", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Results<Ok<List<SuggestionView>>, ValidationProblem, ProblemHttpResult>> Suggestions(string id, int? top, HeadhuntingService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var k = top ?? 10;
        if (k is < 1 or > HeadhuntingService.MaxSuggestions) return Invalid("top", $"must be between 1 and {HeadhuntingService.MaxSuggestions}");
        var actor = await ActorAsync(http, users);
        var list = actor is null ? null : await service.SuggestAsync(actor, id, k, ct);
        if (list is null) return ApiResults.NotFound($"project {id}");
        return TypedResults.Ok(list.Select(s => new SuggestionView(s.Rank, s.Score, s.TalentId, s.MaskedName, RecommendationsApi.ToView(s.Reasons))).ToList());
    }

    private static async Task<Results<Created<CandidateView>, ValidationProblem, ProblemHttpResult>> AddCandidate(string id, CandidateRequest body,
        HeadhuntingService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.TalentId)) return Invalid("talentId", "is required");
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"project {id}");
        var result = await service.AddCandidateAsync(actor, id, body.TalentId.Trim(), ct);
        if (!result.Succeeded) return Failure(result, result.Message ?? $"project {id}");
        var view = (await service.FindAsync(actor.EmployerId, id, ct))!;
        var names = await service.MaskedNamesAsync(view.Project, ct);
        var candidate = view.Project.Candidates.Single(c => c.Id == result.Value!.Id);
        return TypedResults.Created($"/api/v1/projects/{id}/candidates/{candidate.Id}", ToView(candidate, names));
    }

    private static async Task<Results<Ok<CandidateView>, ValidationProblem, ProblemHttpResult>> MoveCandidate(string id, string candidateId,
        CandidateMoveRequest body, HeadhuntingService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (!CandidateStages.TryParse(body.To, out var to)) return Invalid("to", "must be a stage: screened, recommended, interviewed, hired or dropped");
        var actor = await ActorAsync(http, users);
        if (actor is null) return ApiResults.NotFound($"project {id}");
        var result = await service.MoveCandidateAsync(actor, id, candidateId, to, body.Reason, ct);
        if (!result.Succeeded) return Failure(result, $"candidate {candidateId}");
        var view = (await service.FindAsync(actor.EmployerId, id, ct))!;
        var names = await service.MaskedNamesAsync(view.Project, ct);
        return TypedResults.Ok(ToView(view.Project.Candidates.Single(c => c.Id == candidateId), names));
    }
}
