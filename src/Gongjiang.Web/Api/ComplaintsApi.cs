using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

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
        string Status, string? AssignedToUserId, string? Resolution, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt);
    public sealed record ReporterComplaintView(string Id, string? JobId, string EmployerId, string Category, string Description,
        string Status, string? Resolution, DateTime CreatedAt, DateTime? ResolvedAt);
    public sealed record ServiceLogView(long Id, DateTime At, string ActorUserId, string Action, string TargetKind, string TargetId, string? Reason);

    public static ComplaintView ToView(Complaint c) => new(c.Id, c.JobId, c.EmployerId, ComplaintCategories.ToFileName(c.Category), c.Description,
        c.Evidence, ComplaintStatuses.ToFileName(c.Status), c.AssignedToUserId, c.Resolution, c.CreatedAt, c.UpdatedAt, c.ResolvedAt);

    /// <summary>What the reporter sees: no operator ids.</summary>
    public static ReporterComplaintView ToReporterView(Complaint c) => new(c.Id, c.JobId, c.EmployerId, ComplaintCategories.ToFileName(c.Category),
        c.Description, ComplaintStatuses.ToFileName(c.Status), c.Resolution, c.CreatedAt, c.ResolvedAt);

    private static ProblemHttpResult Invalid(string field, string? message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "输入有误 / Invalid input", detail: $"{field}: {message}",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message ?? field] } });

    private static ProblemHttpResult Failed<T>(ComplianceResult<T> result, string what) => result.Failure switch
    {
        ComplianceFailure.NotFound => ApiResults.NotFound(what),
        ComplianceFailure.Invalid => Invalid(result.Field ?? "body", result.Message),
        _ => ApiResults.Conflict(result.Message ?? "conflict"),
    };

    private static async Task<Results<Created<ReporterComplaintView>, ProblemHttpResult>> Report(ComplaintRequest? body, ComplaintService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null) return TypedResults.Problem(statusCode: 403, title: "Not allowed");
        if (body is null) return Invalid("body", "请求内容不能为空。");
        if (!ComplaintCategories.TryParse(body.Category, out var category))
            return Invalid("category", "举报类别应为 fake_job、discrimination、fees_deposits、false_pay、privacy_leak 或 other。");
        var result = await service.ReportAsync(new ComplianceActor(user.Id), new ComplaintInput(body.JobId, body.EmployerId, category, body.Description, body.Evidence), ct);
        if (!result.Succeeded) return Failed(result, body.JobId is { Length: > 0 } ? $"job {body.JobId}" : $"employer {body.EmployerId}");
        return TypedResults.Created($"/api/v1/complaints/{result.Value!.Id}", ToReporterView(result.Value));
    }

    private static async Task<Results<Ok<List<ReporterComplaintView>>, ProblemHttpResult>> Mine(ComplaintService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null) return TypedResults.Problem(statusCode: 403, title: "Not allowed");
        return TypedResults.Ok((await service.ForReporterAsync(user.Id, ct)).Select(ToReporterView).ToList());
    }

    private static async Task<Results<Ok<ComplaintView>, Ok<ReporterComplaintView>, ProblemHttpResult>> GetComplaint(string id, ComplaintService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        var complaint = user is null ? null : await service.FindAsync(id, user.Id, user.IsOperator, ct);
        if (complaint is null) return ApiResults.NotFound($"complaint {id}");
        return user!.IsOperator ? TypedResults.Ok(ToView(complaint)) : TypedResults.Ok(ToReporterView(complaint));
    }

    private static async Task<Results<Ok<List<ComplaintView>>, ProblemHttpResult>> Queue(ComplaintService service, string? status, CancellationToken ct)
    {
        ComplaintStatus? filter = null;
        if (status is not null)
        {
            if (!ComplaintStatuses.TryParse(status, out var s)) return Invalid("status", $"unknown value '{status}'");
            filter = s;
        }
        return TypedResults.Ok((await service.QueueAsync(filter, ct)).Select(ToView).ToList());
    }

    private static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> Assign(string id, AssignRequest? body, ComplaintService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null) return TypedResults.Problem(statusCode: 403, title: "Not allowed");
        if (body?.AssigneeUserId is { Length: > 0 } assignee)
        {
            var target = await users.FindByIdAsync(assignee);
            if (target is null || !(await users.IsInRoleAsync(target, Roles.Operator) || await users.IsInRoleAsync(target, Roles.Admin)))
                return Invalid("assigneeUserId", "只能分派给运营人员。");
        }
        var result = await service.AssignAsync(new ComplianceActor(user.Id), id, body?.AssigneeUserId, ct);
        return result.Succeeded ? TypedResults.Ok(ToView(result.Value!)) : Failed(result, $"complaint {id}");
    }

    private static async Task<Results<Ok<ComplaintView>, ProblemHttpResult>> Resolve(string id, ResolveRequest? body, ComplaintService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null) return TypedResults.Problem(statusCode: 403, title: "Not allowed");
        if (body?.Upheld is not { } upheld) return Invalid("upheld", "请说明举报是否属实（true 或 false）。");
        var result = await service.ResolveAsync(new ComplianceActor(user.Id), id, upheld, body.Reason, ct);
        return result.Succeeded ? TypedResults.Ok(ToView(result.Value!)) : Failed(result, $"complaint {id}");
    }

    private static async Task<Ok<List<ServiceLogView>>> ServiceLogEntries(ServiceLog log, string? targetKind, string? targetId, int? count, CancellationToken ct)
    {
        var rows = !string.IsNullOrWhiteSpace(targetKind) && !string.IsNullOrWhiteSpace(targetId)
            ? await log.ForTargetAsync(targetKind.Trim(), targetId.Trim(), ct)
            : await log.RecentAsync(count ?? 100, ct);
        return TypedResults.Ok(rows.Select(e => new ServiceLogView(e.Id, e.At, e.ActorUserId, e.Action, e.TargetKind, e.TargetId, e.Reason)).ToList());
    }
}
