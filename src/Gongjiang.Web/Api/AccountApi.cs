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
        v1.MapPost("/account/register", Register).WithTags("Account").WithName("RegisterSeeker")
            .WithSummary("Seeker sign-up: user name, password, name, phone, birth year and consent to the processing rules (under 16 refused)")
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        var me = v1.MapGroup("/me").WithTags("Account").RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        me.MapGet("/export", Export).WithName("ExportMyData").WithSummary("Everything held about the signed-in seeker, in clear, as a JSON download");
        me.MapPost("/erase", Erase).WithName("EraseMyAccount")
            .WithSummary("Deletes the signed-in seeker's account, profile and contact data (password required); applications stay only anonymised")
            .RequireRateLimiting(RateLimits.SignIn);
        return v1;
    }

    public sealed record RegisterRequest(string? UserName, string? Password, string? Name, string? Phone, int? BirthYear, bool Consent);
    public sealed record RegisterResponse(string UserId, string TalentId, string PolicyVersion);
    public sealed record EraseRequest(string? Password);

    private static async Task<Results<Created<RegisterResponse>, ProblemHttpResult>> Register(RegisterRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new RegisterSeeker.Command(body.UserName, body.Password, body.Name, body.Phone, body.BirthYear, body.Consent), ct))
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
