using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Privacy;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

/// <summary>Seeker sign-up with consent, and the seeker's rights over their data: a copy (export) and erasure.</summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/account/phone-codes", RequestCode).WithTags("Account").WithName("RequestPhoneCode")
            .WithSummary("Send a one-time SMS code (purpose register, signIn, resetPassword or changePhone). Always 202 whether or not the number is on record; 429 when asked again within a minute, more than 5 times an hour for the number, or too often from the address")
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        v1.MapPost("/account/register", Register).WithTags("Account").WithName("RegisterSeeker")
            .WithSummary("Seeker sign-up: user name, password, name, mobile number with the code sent to it, birth year and consent to the processing rules (under 16 refused). A number held by an imported profile claims that profile")
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        v1.MapPost("/account/register-employer", RegisterEmployerAccount).WithTags("Account").WithName("RegisterEmployer")
            .WithSummary("An employer or HR-service agency opens its account (multipart: companyName, uscc, licensedName, city, industryCluster, isAgency, businessLicence file; for an agency hrLicenceNumber, hrLicenceAuthority, hrLicenceValidUntil, hrLicence file; the administrator's userName, password, personName, phone and the code sent to it). Pending until an operator verifies it")
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(2 * Gongjiang.Core.Employers.LicenceFiles.MaxBytes + 256 * 1024));
        v1.MapPost("/account/password/reset", Reset).WithTags("Account").WithName("ResetPassword")
            .WithSummary("忘记密码: a new password with the code sent to the account's number (purpose resetPassword)")
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        v1.MapPost("/account/password", Change).WithTags("Account").WithName("ChangePassword")
            .WithSummary("The signed-in user changes their password, giving the current one")
            .RequireAuthorization().RequireRateLimiting(RateLimits.SignIn);
        v1.MapPost("/account/phone", ChangePhone).WithTags("Account").WithName("ChangeMyPhone")
            .WithSummary("The signed-in seeker moves to a new mobile number with the code sent to it (purpose changePhone)")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker)).RequireRateLimiting(RateLimits.SignIn);
        var me = v1.MapGroup("/me").WithTags("Account").RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        me.MapGet("/export", Export).WithName("ExportMyData").WithSummary("Everything held about the signed-in seeker, in clear, as a JSON download");
        me.MapPost("/erase", Erase).WithName("EraseMyAccount")
            .WithSummary("Deletes the signed-in seeker's account, profile and contact data (password required); applications stay only anonymised")
            .RequireRateLimiting(RateLimits.SignIn);
        return v1;
    }

    public sealed record PhoneCodeRequest(string? Phone, PhoneCodePurpose Purpose);
    public sealed record RegisterRequest(string? UserName, string? Password, string? Name, string? Phone, string? Code, int? BirthYear, bool Consent);
    public sealed record ResetPasswordRequest(string? Phone, string? Code, string? NewPassword);
    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
    public sealed record ChangePhoneRequest(string? Phone, string? Code);
    public sealed record RegisterResponse(string UserId, string TalentId, string PolicyVersion);
    public sealed record EmployerRegisteredResponse(string EmployerId, string UserId, string Verification);
    public sealed record EraseRequest(string? Password);

    private static async Task<Results<Accepted, ProblemHttpResult>> RequestCode(PhoneCodeRequest body, HttpContext http, IUseCases useCases, CancellationToken ct)
    {
        var sent = await useCases.RunAsync(new RequestPhoneCode.Command(body.Phone, body.Purpose, http.Connection.RemoteIpAddress?.ToString()), ct);
        return sent.Succeeded ? TypedResults.Accepted((string?)null) : ResultHttp.Problem(sent.Errors);
    }

    private static async Task<Results<Created<EmployerRegisteredResponse>, ProblemHttpResult>> RegisterEmployerAccount(HttpContext http, IUseCases useCases,
        CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return ResultHttp.Problem([Gongjiang.Application.Common.Results.Error.Invalid("businessLicence", Gongjiang.Application.Employers.EmployerErrors.LicenceFileRequired)]);
        var form = await http.Request.ReadFormAsync(ct);
        DateOnly? validUntil = null;
        if (!string.IsNullOrWhiteSpace(form["hrLicenceValidUntil"]))
        {
            if (!DateOnly.TryParseExact(form["hrLicenceValidUntil"].ToString().Trim(), "yyyy-MM-dd", out var parsed))
                return ResultHttp.Problem([Gongjiang.Application.Common.Results.Error.Invalid("hrLicenceValidUntil", Gongjiang.Application.Employers.EmployerErrors.LicenceValidUntilFormat)]);
            validUntil = parsed;
        }
        var business = form.Files.GetFile("businessLicence");
        var hr = form.Files.GetFile("hrLicence");
        await using var businessStream = business is { Length: > 0 } ? business.OpenReadStream() : null;
        await using var hrStream = hr is { Length: > 0 } ? hr.OpenReadStream() : null;
        string? Text(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var registered = await useCases.RunAsync(new Gongjiang.Application.Employers.RegisterEmployer.Command(
            Text("companyName"), Text("uscc"), Text("licensedName"), Text("city"), Text("industryCluster"),
            string.Equals(Text("isAgency"), "true", StringComparison.OrdinalIgnoreCase), businessStream,
            Text("hrLicenceNumber"), Text("hrLicenceAuthority"), validUntil, hrStream,
            Text("userName"), Text("password"), Text("personName"), Text("phone"), Text("code")), ct);
        return registered.ToCreated(r => $"/api/v1/employers/{r.Employer.Id}",
            r => new EmployerRegisteredResponse(r.Employer.Id, r.Admin.Id, r.Employer.Verification.ToString().ToLowerInvariant()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Reset(ResetPasswordRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ResetPassword.Command(body.Phone, body.Code, body.NewPassword), ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> Change(ChangePasswordRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ChangePassword.Command(body.CurrentPassword, body.NewPassword), ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePhone(ChangePhoneRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ChangeMyPhone.Command(body.Phone, body.Code), ct)).ToNoContent();

    private static async Task<Results<Created<RegisterResponse>, ProblemHttpResult>> Register(RegisterRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new RegisterSeeker.Command(body.UserName, body.Password, body.Name, body.Phone, body.Code, body.BirthYear, body.Consent), ct))
            .ToCreated(_ => "/api/v1/talent/me", u => new RegisterResponse(u.Id, u.TalentId!, PrivacyPolicy.Version));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(IUseCases useCases, CancellationToken ct)
    {
        var export = await useCases.RunAsync(new ExportMyData.Query(), ct);
        if (!export.Succeeded) return ResultHttp.Problem(export.Errors);
        return TypedResults.File(export.Value.Content, export.Value.ContentType, export.Value.FileName);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Erase(EraseRequest body, HttpContext http, IUseCases useCases, CancellationToken ct)
    {
        var erased = await useCases.RunAsync(new EraseMyAccount.Command(body.Password), ct);
        if (erased.Succeeded) await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return erased.ToNoContent();
    }
}
