using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Compliance;
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
        employers.MapGet("/verification/due", DueVerifications).WithName("DueEmployerVerifications")
            .WithSummary("Operators' re-verification queue: verifications lapsing within 30 days or expired")
            .RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Admin));
        employers.MapPost("/{id}/verification/request", RequestVerification).WithName("RequestEmployerVerification")
            .WithSummary("HR requests (re-)verification with the organisation name as on the business licence; it must match the registered name")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR, Roles.Agency));
        employers.MapPost("/{id}/licence", SubmitLicence).WithName("SubmitHrServiceLicence")
            .WithSummary("An HR-service business submits its 人力资源服务许可证 (multipart: number, authority, valid_until, file: PDF/JPG/PNG ≤ 5 MB)")
            .RequireAuthorization(p => p.RequireRole(Roles.EmployerHR, Roles.Agency)).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(LicenceFiles.MaxBytes + 64 * 1024));
        employers.MapPost("/{id}/licence/decision", DecideLicence).WithName("DecideHrServiceLicence")
            .WithSummary("Operator approves or rejects an HR-service licence (a rejection needs a note)")
            .RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Admin));
        return v1;
    }

    public sealed record EmployerView(string Id, string Name, string Uscc, string City, string IndustryCluster, string EnterpriseType,
        string Verification, string? Description, string AccountClass = "self_recruiting", DateTime? VerificationExpiresAt = null,
        string? Licence = null, DateOnly? LicenceValidUntil = null);

    public sealed record VerificationRequest(string? LicensedName);

    public sealed record LicenceDecision(bool Approve, string? Note);

    /// <summary>What operators see of a verification: both names, whether they match, the USCC check, the licence.</summary>
    public sealed record VerificationReview(string Id, string Name, string? LicensedName, bool NamesMatch, string Uscc, bool UsccValid,
        string? UsccProblem, string AccountClass, string Verification, DateTime? VerifiedAt, DateTime? VerificationExpiresAt,
        string Licence, string? LicenceNumber, string? LicenceAuthority, DateOnly? LicenceValidUntil);

    public sealed record EmployerPage(IReadOnlyList<EmployerView> Items, int Page, int PageSize, int Total);

    public sealed record VerificationDecision(bool Approve, string? Note);

    internal static EmployerView ToView(Employer e) => new(e.Id, e.Name, e.Uscc, e.CityCode, e.IndustryCluster,
        EnterpriseTypes.ToFileName(e.EnterpriseType), e.Verification.ToString().ToLowerInvariant(), e.Description,
        AccountClasses.ToFileName(e.AccountClass), e.VerificationExpiresAt,
        e.AccountClass == AccountClass.HrService ? e.HrLicenceStatus.ToString().ToLowerInvariant() : null, e.AccountClass == AccountClass.HrService ? e.HrLicenceValidUntil : null);

    internal static VerificationReview ToReview(Employer e)
    {
        var uscc = UnifiedSocialCreditCode.Validate(e.Uscc);
        return new(e.Id, e.Name, e.LicensedName, EmployerVerification.NamesMatch(e.LicensedName, e.Name), e.Uscc, uscc.IsValid,
            uscc.IsValid ? null : uscc.Reason, AccountClasses.ToFileName(e.AccountClass), e.Verification.ToString().ToLowerInvariant(),
            e.VerifiedAt, e.VerificationExpiresAt, e.HrLicenceStatus.ToString().ToLowerInvariant(), e.HrLicenceNumber, e.HrLicenceAuthority,
            e.HrLicenceValidUntil);
    }

    private static ProblemHttpResult FromCompliance<T>(Gongjiang.Application.Compliance.ComplianceResult<T> result, string id) => result.Failure switch
    {
        Gongjiang.Application.Compliance.ComplianceFailure.NotFound => ApiResults.NotFound($"employer {id}"),
        Gongjiang.Application.Compliance.ComplianceFailure.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "未通过校验 / Not accepted", detail: $"{result.Field}: {result.Message}",
            extensions: new Dictionary<string, object?> { ["field"] = result.Field, ["reason"] = result.Message }),
        _ => ApiResults.Conflict(result.Message ?? "conflict"),
    };

    private static async Task<Results<Ok<List<VerificationReview>>, ProblemHttpResult>> DueVerifications(
        Gongjiang.Application.Compliance.VerificationService service, CancellationToken ct) =>
        TypedResults.Ok((await service.DueAsync(ct)).Select(ToReview).ToList());

    /// <summary>The signed-in user's own employer, or null (then the caller answers 404: foreign records are not disclosed).</summary>
    private static async Task<CurrentUser?> OwnerAsync(string id, HttpContext http, UserManager<AppUser> users)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        return user is not null && user.EmployerId == id ? user : null;
    }

    private static async Task<Results<Ok<EmployerView>, ProblemHttpResult>> RequestVerification(string id, VerificationRequest body,
        Gongjiang.Application.Compliance.VerificationService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (await OwnerAsync(id, http, users) is not { } user) return ApiResults.NotFound($"employer {id}");
        var result = await service.RequestVerificationAsync(user.Id, id, body?.LicensedName, ct);
        return result.Succeeded ? TypedResults.Ok(ToView(result.Value!)) : FromCompliance(result, id);
    }

    private static async Task<Results<Ok<EmployerView>, ProblemHttpResult>> SubmitLicence(string id, HttpContext http,
        Gongjiang.Application.Compliance.VerificationService service, UserManager<AppUser> users, CancellationToken ct)
    {
        if (await OwnerAsync(id, http, users) is not { } user) return ApiResults.NotFound($"employer {id}");
        if (!http.Request.HasFormContentType)
            return TypedResults.Problem(statusCode: 400, title: "输入有误 / Invalid input", detail: "file: send multipart/form-data with number, authority, valid_until and file");
        if (http.Request.ContentLength > Gongjiang.Core.Employers.LicenceFiles.MaxBytes + 64 * 1024)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / File too large", detail: "file: 文件不能超过 5 MB。");
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return TypedResults.Problem(statusCode: 400, title: "输入有误 / Invalid input", detail: "file: 请上传许可证文件。");
        if (file.Length > Gongjiang.Core.Employers.LicenceFiles.MaxBytes)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / File too large", detail: "file: 文件不能超过 5 MB。");
        DateOnly? validUntil = null;
        if (!string.IsNullOrWhiteSpace(form["valid_until"]))
        {
            if (!DateOnly.TryParseExact(form["valid_until"].ToString().Trim(), "yyyy-MM-dd", out var parsed))
                return TypedResults.Problem(statusCode: 400, title: "输入有误 / Invalid input", detail: "valid_until: expected yyyy-MM-dd");
            validUntil = parsed;
        }
        await using var stream = file.OpenReadStream();
        var result = await service.SubmitLicenceAsync(user.Id, id,
            new Gongjiang.Application.Compliance.LicenceInput(form["number"].ToString(), form["authority"].ToString(), validUntil), stream, ct);
        return result.Succeeded ? TypedResults.Ok(ToView(result.Value!)) : FromCompliance(result, id);
    }

    private static async Task<Results<Ok<VerificationReview>, ProblemHttpResult>> DecideLicence(string id, LicenceDecision body,
        Gongjiang.Application.Compliance.VerificationService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null) return TypedResults.Problem(statusCode: 403, title: "Not allowed");
        var result = await service.DecideLicenceAsync(user.Id, id, body.Approve, body.Note, ct);
        return result.Succeeded ? TypedResults.Ok(ToReview(result.Value!)) : FromCompliance(result, id);
    }

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
