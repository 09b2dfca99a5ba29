using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Core.Employers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

public static class EmployersApi
{
    public static RouteGroupBuilder MapEmployersApi(this RouteGroupBuilder v1)
    {
        var employers = v1.MapGroup("/employers").WithTags("Employers");
        employers.MapGet("/", ListEmployers).WithName("ListEmployers").WithSummary("Verified employers (operators may filter by status)");
        employers.MapGet("/{id}", GetEmployer).WithName("GetEmployer").WithSummary("One employer");
        employers.MapPost("/{id}/verification", DecideVerification).WithName("DecideEmployerVerification")
            .WithSummary("Operator approves or rejects an employer's verification")
            .RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Admin));
        employers.MapPost("/{id}/suspension/lift", LiftSuspension).WithName("LiftEmployerSuspension")
            .WithSummary("Operator lifts a suspension (with a reason); the employer may publish again")
            .RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Admin));
        return v1;
    }

    public sealed record EmployerView(string Id, string Name, string Uscc, string City, string IndustryCluster, string EnterpriseType,
        string Verification, string? Description);

    public sealed record EmployerPage(IReadOnlyList<EmployerView> Items, int Page, int PageSize, int Total);

    public sealed record VerificationDecision(bool Approve, string? Note);

    internal static EmployerView ToView(Employer e) => new(e.Id, e.Name, e.Uscc, e.CityCode, e.IndustryCluster,
        EnterpriseTypes.ToFileName(e.EnterpriseType), e.Verification.ToString().ToLowerInvariant(), e.Description);

    private static async Task<Results<Ok<EmployerPage>, ProblemHttpResult>> ListEmployers(EmployerService service, HttpContext http,
        UserManager<AppUser> users, string? status, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        VerificationStatus? filter = VerificationStatus.Verified;
        if (status is not null)
        {
            var user = await CurrentUser.FromAsync(http.User, users);
            if (user?.IsOperator != true) return TypedResults.Problem(statusCode: 403, title: "Only operators may list unverified employers");
            if (!Enum.TryParse<VerificationStatus>(status, true, out var s))
                return TypedResults.Problem(statusCode: 400, title: "输入有误 / Invalid input", detail: $"status: unknown value '{status}'");
            filter = s;
        }
        var result = await service.ListAsync(filter, q, page ?? 1, pageSize ?? 20, ct);
        return TypedResults.Ok(new EmployerPage(result.Items.Select(ToView).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<EmployerView>, ProblemHttpResult>> GetEmployer(string id, EmployerService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var employer = await service.FindAsync(id, ct);
        if (employer is null) return ApiResults.NotFound($"employer {id}");
        if (employer.Verification != VerificationStatus.Verified)
        {
            var user = await CurrentUser.FromAsync(http.User, users);
            if (user is null || !(user.IsOperator || user.EmployerId == id)) return ApiResults.NotFound($"employer {id}");
        }
        return TypedResults.Ok(ToView(employer));
    }

    private static async Task<Results<Ok<EmployerView>, ProblemHttpResult>> DecideVerification(string id, VerificationDecision body,
        EmployerService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null) return TypedResults.Problem(statusCode: 403, title: "Not allowed");
        var employer = await service.DecideVerificationAsync(id, body.Approve, body.Note, user.Id, ct);
        return employer is null ? ApiResults.NotFound($"employer {id}") : TypedResults.Ok(ToView(employer));
    }

    public sealed record LiftRequest(string? Reason);

    private static async Task<Results<Ok<EmployerView>, ProblemHttpResult>> LiftSuspension(string id, LiftRequest? body,
        Gongjiang.Application.Compliance.ComplaintService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null) return TypedResults.Problem(statusCode: 403, title: "Not allowed");
        var result = await service.LiftSuspensionAsync(new Gongjiang.Application.Compliance.ComplianceActor(user.Id), id, body?.Reason, ct);
        return result.Failure switch
        {
            Gongjiang.Application.Compliance.ComplianceFailure.None => TypedResults.Ok(ToView(result.Value!)),
            Gongjiang.Application.Compliance.ComplianceFailure.NotFound => ApiResults.NotFound($"employer {id}"),
            Gongjiang.Application.Compliance.ComplianceFailure.Invalid => TypedResults.Problem(statusCode: 400, title: "输入有误 / Invalid input", detail: $"reason: {result.Message}"),
            _ => ApiResults.Conflict(result.Message ?? "conflict"),
        };
    }
}
