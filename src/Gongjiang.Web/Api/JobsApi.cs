using Gongjiang.Application.Identity;
using Gongjiang.Application.Jobs;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder v1)
    {
        var jobs = v1.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("/", ListJobs).WithName("ListJobs").WithSummary("Open jobs, newest first, paged")
            .RequireRateLimiting(Infrastructure.RateLimits.Search);
        jobs.MapGet("/{id}", GetJob).WithName("GetJob").WithSummary("One job");
        jobs.MapPost("/", CreateJob).WithName("CreateJob").WithSummary("Create a job as the signed-in employer; it is a draft until published")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR, Roles.Agency));
        jobs.MapPost("/{id}/publish", PublishJob).WithName("PublishJob")
            .WithSummary("Publish a draft: the employer must be verified and the posting must pass screening (发布前审核)")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR, Roles.Agency));
        jobs.MapPut("/{id}", UpdateJob).WithName("UpdateJob").WithSummary("Edit one of the employer's own jobs")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR, Roles.Agency));
        return v1;
    }

    public sealed record JobPage(IReadOnlyList<JobLine> Items, int Page, int PageSize, int Total);

    private static async Task<Ok<JobPage>> ListJobs(JobService service, string? q, string? city, string? occupation,
        int? page, int? pageSize, CancellationToken ct)
    {
        var result = await service.SearchAsync(new JobQuery(q, city, occupation, Page: page ?? 1, PageSize: pageSize ?? 20), ct);
        return TypedResults.Ok(new JobPage(result.Items.Select(JobService.ToLine).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<JobLine>, ProblemHttpResult>> GetJob(string id, JobService service,
        HttpContext http, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        var job = await service.FindAsync(id, ct);
        if (job is null) return ApiResults.NotFound($"job {id}");
        if (!job.IsOpenOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            // Drafts and closed postings are visible only to their employer and to operators.
            var user = await CurrentUser.FromAsync(http.User, users);
            if (user is null || !(user.IsOperator || user.EmployerId == job.EmployerId)) return ApiResults.NotFound($"job {id}");
        }
        return TypedResults.Ok(JobService.ToLine(job));
    }

    private static async Task<Results<Created<JobLine>, ValidationProblem, ProblemHttpResult>> CreateJob(JobLine body,
        JobService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user?.EmployerId is null) return TypedResults.Problem(statusCode: 403, title: "No employer account");
        var result = await service.CreateAsync(user.EmployerId, body, ct);
        if (result.Value is null) return ApiResults.Invalid(result);
        return TypedResults.Created($"/api/v1/jobs/{result.Value.Id}", JobService.ToLine(result.Value));
    }

    public sealed record ScreeningFlagView(string Rule, string Severity, string Excerpt, string LegalBasis, string Field);

    private static async Task<Results<Ok<JobLine>, ProblemHttpResult>> PublishJob(string id, JobService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        var job = await service.FindAsync(id, ct);
        if (job is null || user?.EmployerId != job.EmployerId) return ApiResults.NotFound($"job {id}");
        var outcome = await service.PublishAsync(id, ct);
        if (!outcome.Published)
        {
            var problem = TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "未能发布 / Not published",
                detail: outcome.Refusal, extensions: new Dictionary<string, object?>
                {
                    ["flags"] = outcome.Flags.Select(f => new ScreeningFlagView(f.Rule, f.SeverityName, f.Excerpt, f.LegalBasis, f.Field)).ToList(),
                });
            return problem;
        }
        return TypedResults.Ok(JobService.ToLine((await service.FindAsync(id, ct))!));
    }

    private static async Task<Results<Ok<JobLine>, ValidationProblem, ProblemHttpResult>> UpdateJob(string id, JobLine body,
        JobService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        var job = await service.FindAsync(id, ct);
        // A foreign employer's job answers 404, not 403: its existence is not disclosed.
        if (job is null || user?.EmployerId != job.EmployerId) return ApiResults.NotFound($"job {id}");
        var result = await service.UpdateAsync(job, body, ct);
        if (result.Value is null) return ApiResults.Invalid(result);
        return TypedResults.Ok(JobService.ToLine(result.Value));
    }
}
