using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>
/// Complaints (举报虚假招聘): seekers report a posting or an employer and follow their reports; operators work the queue,
/// assign and resolve with a reason. Another person's report answers 404; resolving twice answers 409.
/// </summary>
public static class ComplaintsApi
{
    public static RouteGroupBuilder MapComplaintsApi(this RouteGroupBuilder v1)
    {
        var operators = new[] { Roles.Operator, Roles.Admin };
        var complaints = v1.MapGroup("/complaints").WithTags("Complaints");
        complaints.MapPost("/", Report).WithName("ReportComplaint")
            .WithSummary("Report a posting (jobId) or an employer (employerId) as the signed-in seeker (举报)")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        complaints.MapGet("/", Queue).WithName("ListComplaints")
            .WithSummary("The operators' queue: open reports, or those with ?status=submitted|investigating|upheld|dismissed")
            .RequireAuthorization(p => p.RequireRole(operators));
        complaints.MapGet("/{id}", GetComplaint).WithName("GetComplaint").WithSummary("One report, for its reporter or an operator")
            .RequireAuthorization();
        complaints.MapPost("/{id}/assign", Assign).WithName("AssignComplaint")
            .WithSummary("An operator takes a report on (or assigns it to assigneeUserId); it is then under investigation")
            .RequireAuthorization(p => p.RequireRole(operators));
        complaints.MapPost("/{id}/resolve", Resolve).WithName("ResolveComplaint")
            .WithSummary("Resolve as upheld or dismissed with a reason; upheld on a posting takes it down, repeat offenders are suspended")
            .RequireAuthorization(p => p.RequireRole(operators));
        v1.MapGet("/me/complaints", Mine).WithTags("Complaints").WithName("GetMyComplaints")
            .WithSummary("The signed-in seeker's reports and their status").RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        v1.MapGet("/service-log", ServiceLogEntries).WithTags("Complaints").WithName("GetServiceLog")
            .WithSummary("Service log rows for one record (targetKind, targetId) or the latest ones").RequireAuthorization(p => p.RequireRole(operators));
        return v1;
    }

    public sealed record ComplaintRequest(string? JobId, string? EmployerId, string? Category, string? Description, string? Evidence);
    public sealed record AssignRequest(string? AssigneeUserId);
    public sealed record ResolveRequest(bool? Upheld, string? Reason);

    public sealed record ComplaintView(string Id, string? JobId, string EmployerId, string Category, string Description, string? Evidence,
        string Status, string? AssignedToUserId, string? Resolution, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt)
    {
        public static ComplaintView Of(Complaint c) => new(c.Id, c.JobId, c.EmployerId, ComplaintCategories.ToFileName(c.Category), c.Description,
            c.Evidence, ComplaintStatuses.ToFileName(c.Status), c.AssignedToUserId, c.Resolution, c.CreatedAt, c.UpdatedAt, c.ResolvedAt);
    }

    /// <summary>What the reporter sees: no operator ids.</summary>
    public sealed record ReporterComplaintView(string Id, string? JobId, string EmployerId, string Category, string Description,
        string Status, string? Resolution, DateTime CreatedAt, DateTime? ResolvedAt)
    {
        public static ReporterComplaintView Of(Complaint c) => new(c.Id, c.JobId, c.EmployerId, ComplaintCategories.ToFileName(c.Category),
            c.Description, ComplaintStatuses.ToFileName(c.Status), c.Resolution, c.CreatedAt, c.ResolvedAt);
    }

    public sealed record ServiceLogView(long Id, DateTime At, string ActorUserId, string Action, string TargetKind, string TargetId, string? Reason)
    {
        public static ServiceLogView Of(ServiceLogEntry e) => new(e.Id, e.At, e.ActorUserId, e.Action, e.TargetKind, e.TargetId, e.Reason);
    }

    private static async Task<Results<Created<ReporterComplaintView>, ProblemHttpResult>> Report(ComplaintRequest? body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ReportComplaint.Command(body?.JobId, body?.EmployerId, body?.Category, body?.Description, body?.Evidence), ct))
            .ToCreated(c => $"/api/v1/complaints/{c.Id}", ReporterComplaintView.Of);

    private static async Task<Results<Ok<List<ReporterComplaintView>>, ProblemHttpResult>> Mine(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListMyComplaints.Query(), ct)).ToHttp(m => m.Items.Select(ReporterComplaintView.Of).ToList());

    /// <summary>An operator sees the whole report; its reporter sees their view of it.</summary>
    private static async Task<Results<Ok<ComplaintView>, Ok<ReporterComplaintView>, ProblemHttpResult>> GetComplaint(string id, IUseCases useCases,
        CancellationToken ct)
    {
        var seen = await useCases.RunAsync(new GetComplaint.Query(id), ct);
        if (!seen.Succeeded) return ResultHttp.Problem(seen.Errors);
        return seen.Value.ByOperator ? TypedResults.Ok(ComplaintView.Of(seen.Value.Complaint)) : TypedResults.Ok(ReporterComplaintView.Of(seen.Value.Complaint));
    }

    private static async Task<Results<Ok<List<ComplaintView>>, ProblemHttpResult>> Queue(IUseCases useCases, string? status, CancellationToken ct) =>
        (await useCases.RunAsync(new ListComplaints.Query(status), ct)).ToHttp(q => q.Items.Select(ComplaintView.Of).ToList());

    private static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> Assign(string id, AssignRequest? body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AssignComplaint.Command(id, body?.AssigneeUserId), ct)).ToHttp(ComplaintView.Of);

    private static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> Resolve(string id, ResolveRequest? body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ResolveComplaint.Command(id, body?.Upheld, body?.Reason), ct)).ToHttp(ComplaintView.Of);

    private static async Task<Results<Ok<List<ServiceLogView>>, ProblemHttpResult>> ServiceLogEntries(IUseCases useCases, 
        [Description("Kind of record: employer, job, talent, application, complaint …; with targetId, that record's whole log")] string? targetKind,
        [Description("Id of the record, with targetKind")] string? targetId,
        [Range(1, ReadServiceLog.MaxCount), Description("Without a target: the most recent entries, 1–500 (default 100)")] int? count, CancellationToken ct) =>
        (await useCases.RunAsync(new ReadServiceLog.Query(targetKind, targetId, count), ct)).ToHttp(rows => rows.Select(ServiceLogView.Of).ToList());
}
