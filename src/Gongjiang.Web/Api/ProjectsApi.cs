using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Headhunting;
using Gongjiang.Application.Identity;
using Gongjiang.Core.Headhunting;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>
/// Headhunting projects (猎头项目): an agency creates and runs projects for client employers, sources candidates from the shared
/// pool and moves them along the funnel; the client's HR reads the project and its report. Another agency's project answers
/// 404; an HR user creating a project, or an agency that may not publish, answers 403; an illegal funnel move answers 409.
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
        group.MapPut("/{id}", Update).WithName("UpdateProject").WithSummary("Change the project's requirements and terms: fields left out keep their value")
            .RequireAuthorization(p => p.RequireRole(agency));
        group.MapPost("/{id}/status", SetStatus).WithName("SetProjectStatus").WithSummary("Open, pause or close the project")
            .RequireAuthorization(p => p.RequireRole(agency));
        group.MapPost("/{id}/accept", Accept).WithName("AcceptProject")
            .WithSummary("The client employer's HR accepts a project awaiting it (待客户确认); only then can the agency work on it")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR));
        group.MapPost("/{id}/decline", Decline).WithName("DeclineProject").WithSummary("The client employer's HR declines a project awaiting it, with a reason")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR));
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
    public sealed record DeclineRequest(string? Reason);
    public sealed record CandidateRequest(string? TalentId);
    public sealed record CandidateMoveRequest(string? To, string? Reason);

    private static ProjectInput Input(ProjectRequest b) =>
        new(b.ClientEmployerId, b.Title, b.TargetHeadcount, b.OccupationCode, b.MinGrade, b.City, b.PayMin, b.PayMax, b.Notes, b.FeeTerms, b.StartsOn, b.EndsOn);

    public sealed record CandidateChangeView(string? From, string To, DateTime At, string? Reason);
    public sealed record CandidateView(string Id, string TalentId, string MaskedName, string Stage, string? DropReason, DateTime AddedAt,
        IReadOnlyList<CandidateChangeView> History);
    public sealed record FunnelView(int Sourced, int Screened, int Recommended, int Interviewed, int Hired, int Dropped);
    public sealed record ProjectDto(string Id, string Role, string AgencyId, string AgencyName, string ClientEmployerId, string ClientName, string Title,
        int TargetHeadcount, string? OccupationCode, int? MinGrade, string City, int PayMin, int PayMax, string? Notes, string? FeeTerms, string Status,
        [property: Description("The client's answer: awaiting (待客户确认), accepted or declined; only an accepted project is worked on")] string ClientDecision,
        string? ClientDeclineReason, DateOnly StartsOn, DateOnly? EndsOn, FunnelView Current, FunnelView Reached, double DeliveryRate, IReadOnlyList<CandidateView>? Candidates);
    public sealed record PeriodView(DateOnly From, DateOnly To, FunnelView New, FunnelView Cumulative, double DeliveryRate);
    public sealed record ReportView(string ProjectId, string Period, int TargetHeadcount, FunnelView Totals, double DeliveryRate, IReadOnlyList<PeriodView> Periods);
    public sealed record SuggestionView(int Rank, float Score, string TalentId, string MaskedName, RecommendationsApi.ReasonsView? Reasons);

    private static FunnelView Funnel(Func<CandidateStage, int> count) => new(count(CandidateStage.Sourced), count(CandidateStage.Screened),
        count(CandidateStage.Recommended), count(CandidateStage.Interviewed), count(CandidateStage.Hired), count(CandidateStage.Dropped));

    /// <summary>Candidates at each stage now, and how many ever reached each stage (the funnel).</summary>
    private static (FunnelView Current, FunnelView Reached) Counts(HeadhuntingProject p) => (
        Funnel(s => p.Candidates.Count(c => c.Stage == s)),
        Funnel(s => p.Candidates.Count(c => c.History.Any(h => h.To == s))));

    private static ProjectDto ToDto(ProjectView view, IReadOnlyDictionary<string, string>? names)
    {
        var p = view.Project;
        var (current, reached) = Counts(p);
        return new ProjectDto(p.Id, view.Role.ToString().ToLowerInvariant(), p.AgencyId, view.AgencyName, p.ClientEmployerId, view.ClientName, p.Title,
            p.TargetHeadcount, p.OccupationCode, p.MinGrade, p.CityCode, p.PayMin, p.PayMax, p.Notes, p.FeeTerms, ProjectStatuses.ToFileName(p.Status),
            p.ClientDecision.ToString().ToLowerInvariant(), p.ClientDeclineReason, p.StartsOn, p.EndsOn, current, reached, p.DeliveryRate,
            names is null ? null : p.Candidates.OrderBy(c => c.AddedAt).ThenBy(c => c.Id).Select(c => ToView(c, names.GetValueOrDefault(c.TalentId) ?? "")).ToList());
    }

    private static ProjectDto ToDto(ProjectDetail detail) => ToDto(detail.View, detail.Names);

    private static CandidateView ToView(CandidateEntry entry) => ToView(entry.Candidate, entry.MaskedName);

    private static CandidateView ToView(ProjectCandidate c, string maskedName) => new(c.Id, c.TalentId, maskedName, CandidateStages.ToFileName(c.Stage),
        c.DropReason, c.AddedAt, c.History.OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new CandidateChangeView(h.From is { } f ? CandidateStages.ToFileName(f) : null, CandidateStages.ToFileName(h.To), h.At, h.Reason)).ToList());

    private static FunnelView Of(IReadOnlyDictionary<CandidateStage, int> counts) => Funnel(s => counts.GetValueOrDefault(s));

    private static ReportView ToView(GetProjectReport.ProjectReportView r) => new(r.View.Project.Id, r.Report.Period.ToString().ToLowerInvariant(),
        r.Report.TargetHeadcount, Of(r.Report.Totals), r.Report.DeliveryRate,
        r.Report.Rows.Select(row => new PeriodView(row.From, row.To, Of(row.New), Of(row.Cumulative), row.DeliveryRate)).ToList());

    private static async Task<Results<Ok<List<ProjectDto>>, ProblemHttpResult>> List(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListProjects.Query(), ct)).ToHttp(l => l.Projects.Select(v => ToDto(v, null)).ToList());

    private static async Task<Results<Created<ProjectDto>, ProblemHttpResult>> Create(ProjectRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new CreateProject.Command(Input(body)), ct)).ToCreated(d => $"/api/v1/projects/{d.View.Project.Id}", ToDto);

    private static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> Get(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetProject.Query(id), ct)).ToHttp(ToDto);

    private static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> Update(string id, ProjectRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new UpdateProject.Command(id, Input(body), LeftOutKeepsValue: true), ct)).ToHttp(ToDto);

    private static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> SetStatus(string id, StatusRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SetProjectStatus.Command(id, body.Status), ct)).ToHttp(ToDto);

    private static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> Accept(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new DecideProject.Command(id, Accept: true), ct)).ToHttp(ToDto);

    private static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> Decline(string id, DeclineRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new DecideProject.Command(id, Accept: false, body.Reason), ct)).ToHttp(ToDto);

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult>> Report(string id, string? period, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetProjectReport.Query(id, period), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<List<SuggestionView>>, ProblemHttpResult>> Suggestions(string id,
        [Range(1, ProjectRules.MaxSuggestions), Description("At most this many suggestions, 1–50 (default 10)")] int? top, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SuggestCandidates.Query(id, top ?? 10), ct))
            .ToHttp(list => list.Select(s => new SuggestionView(s.Rank, s.Score, s.TalentId, s.MaskedName, RecommendationsApi.ToView(s.Reasons))).ToList());

    private static async Task<Results<Created<CandidateView>, ProblemHttpResult>> AddCandidate(string id, CandidateRequest body, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new AddCandidate.Command(id, body.TalentId), ct)).ToCreated(e => $"/api/v1/projects/{id}/candidates/{e.Candidate.Id}", ToView);

    private static async Task<Results<Ok<CandidateView>, ProblemHttpResult>> MoveCandidate(string id, string candidateId, CandidateMoveRequest body,
        IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new MoveCandidate.Command(id, candidateId, body.To, body.Reason), ct)).ToHttp(ToView);
}
