using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Identity;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Employers;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

public static class EmployersApi
{
    public static RouteGroupBuilder MapEmployersApi(this RouteGroupBuilder v1)
    {
        var employers = v1.MapGroup("/employers").WithTags("Employers");
        employers.MapGet("/", ListEmployers).WithName("ListEmployers").WithSummary("Verified employers (operators may filter by status)");
        employers.MapGet("/{id}", GetEmployer).WithName("GetEmployer").WithSummary("One employer");
        employers.MapPost("/{id}/verification", DecideVerification).WithName("DecideEmployerVerification")
            .WithSummary("Operator approves or rejects an employer's verification (a rejection needs a note)")
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
        string? Licence = null, DateOnly? LicenceValidUntil = null)
    {
        public static EmployerView Of(Employer e) => new(e.Id, e.Name, e.Uscc, e.CityCode, e.IndustryCluster,
            EnterpriseTypes.ToFileName(e.EnterpriseType), e.Verification.ToString().ToLowerInvariant(), e.Description,
            AccountClasses.ToFileName(e.AccountClass), e.VerificationExpiresAt,
            e.AccountClass == Core.Employers.AccountClass.HrService ? e.HrLicenceStatus.ToString().ToLowerInvariant() : null,
            e.AccountClass == Core.Employers.AccountClass.HrService ? e.HrLicenceValidUntil : null);
    }

    public sealed record VerificationRequest(string? LicensedName);

    public sealed record LicenceDecision(bool Approve, string? Note);

    public sealed record VerificationDecision(bool Approve, string? Note);

    public sealed record LiftRequest(string? Reason);

    /// <summary>What operators see of a verification: both names, whether they match, the USCC check, the licence.</summary>
    public sealed record VerificationReview(string Id, string Name, string? LicensedName, bool NamesMatch, string Uscc, bool UsccValid,
        string? UsccProblem, string AccountClass, string Verification, DateTime? VerifiedAt, DateTime? VerificationExpiresAt,
        string Licence, string? LicenceNumber, string? LicenceAuthority, DateOnly? LicenceValidUntil)
    {
        public static VerificationReview Of(Employer e)
        {
            var uscc = UnifiedSocialCreditCode.Validate(e.Uscc);
            return new(e.Id, e.Name, e.LicensedName, EmployerVerification.NamesMatch(e.LicensedName, e.Name), e.Uscc, uscc.IsValid,
                uscc.IsValid ? null : uscc.Reason, AccountClasses.ToFileName(e.AccountClass), e.Verification.ToString().ToLowerInvariant(),
                e.VerifiedAt, e.VerificationExpiresAt, e.HrLicenceStatus.ToString().ToLowerInvariant(), e.HrLicenceNumber, e.HrLicenceAuthority,
                e.HrLicenceValidUntil);
        }
    }

    public sealed record EmployerPage(IReadOnlyList<EmployerView> Items, int Page, int PageSize, int Total);

    private static async Task<Results<Ok<EmployerPage>, ProblemHttpResult>> ListEmployers(IUseCases useCases, string? status, string? q, 
        [Range(1, Paging.MaxPage), Description("Page number, 1–10000 (default 1); outside it 400 naming the field")] int? page, [Range(1, Paging.MaxPageSize), Description("Items per page, 1–100 (default 20); outside it 400 naming the field")] int? pageSize, CancellationToken ct) =>
        (await useCases.RunAsync(new ListEmployers.Query(status, q, page ?? 1, pageSize ?? 20), ct))
            .ToHttp(p => new EmployerPage(p.Items.Select(EmployerView.Of).ToList(), p.Page, p.PageSize, p.Total));

    private static async Task<Results<Ok<EmployerView>, ProblemHttpResult>> GetEmployer(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetEmployer.Query(id), ct)).ToHttp(EmployerView.Of);

    private static async Task<Results<Ok<EmployerView>, ProblemHttpResult>> DecideVerification(string id, VerificationDecision body, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new DecideVerification.Command(id, body.Approve, body.Note), ct)).ToHttp(EmployerView.Of);

    private static async Task<Results<Ok<EmployerView>, ProblemHttpResult>> LiftSuspension(string id, LiftRequest? body, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new LiftSuspension.Command(id, body?.Reason), ct)).ToHttp(EmployerView.Of);

    private static async Task<Results<Ok<List<VerificationReview>>, ProblemHttpResult>> DueVerifications(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListDueVerifications.Query(), ct)).ToHttp(due => due.Select(VerificationReview.Of).ToList());

    private static async Task<Results<Ok<EmployerView>, ProblemHttpResult>> RequestVerification(string id, VerificationRequest? body, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new RequestVerification.Command(id, body?.LicensedName), ct)).ToHttp(EmployerView.Of);

    private static async Task<Results<Ok<VerificationReview>, ProblemHttpResult>> DecideLicence(string id, LicenceDecision body, IUseCases useCases,
        CancellationToken ct) =>
        (await useCases.RunAsync(new DecideLicence.Command(id, body.Approve, body.Note), ct)).ToHttp(VerificationReview.Of);

    /// <summary>
    /// The licence arrives as a multipart form. The transport's checks answer here before the use case: a file over the limit
    /// answers 413 (the request's size, not a rule of the licence) and a date that is not yyyy-MM-dd is invalid input.
    /// </summary>
    private static async Task<Results<Ok<EmployerView>, ProblemHttpResult>> SubmitLicence(string id, HttpContext http, IUseCases useCases, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) // nothing to read: the use case still answers a foreign employer first
            return (await useCases.RunAsync(new SubmitLicence.Command(id, null, null, null, null), ct)).ToHttp(EmployerView.Of);
        if (http.Request.ContentLength > LicenceFiles.MaxBytes + 64 * 1024) return TooLarge();
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is { Length: > LicenceFiles.MaxBytes }) return TooLarge();
        DateOnly? validUntil = null;
        if (!string.IsNullOrWhiteSpace(form["valid_until"]))
        {
            if (!DateOnly.TryParseExact(form["valid_until"].ToString().Trim(), "yyyy-MM-dd", out var parsed))
                return ResultHttp.Problem([Error.Invalid("valid_until", EmployerErrors.LicenceValidUntilFormat)]);
            validUntil = parsed;
        }
        await using var stream = file is { Length: > 0 } ? file.OpenReadStream() : null;
        return (await useCases.RunAsync(new SubmitLicence.Command(id, form["number"].ToString(), form["authority"].ToString(), validUntil, stream), ct))
            .ToHttp(EmployerView.Of);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / File too large",
        detail: "file: " + ErrorText.For(Error.Invalid("file", EmployerErrors.LicenceFileTooLarge)));
}
