using Gongjiang.Web.Infrastructure;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Interchange;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

public static class TalentApi
{
    public static RouteGroupBuilder MapTalentApi(this RouteGroupBuilder v1)
    {
        var talent = v1.MapGroup("/talent").WithTags("Talent");
        talent.MapGet("/me", GetMine).WithName("GetMyProfile").WithSummary("The signed-in seeker's own profile, with contact data")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        talent.MapPut("/me", SaveMine).WithName("SaveMyProfile").WithSummary("Replace the signed-in seeker's profile")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        talent.MapGet("/{id}", GetProfile).WithName("GetTalent")
            .WithSummary("A profile: operators see it masked; employers when the seeker shares with the zone or applied to them, with contact data only as the seeker consented; every view is logged")
            .RequireAuthorization();
        return v1;
    }

    private static async Task<Results<Ok<TalentLine>, ProblemHttpResult>> GetMine(TalentService service, HttpContext http,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user?.TalentId is null) return ApiResults.NotFound("profile");
        var profile = await service.FindAsync(user.TalentId, ct);
        if (profile is null) return ApiResults.NotFound("profile");
        return TypedResults.Ok(TalentService.ToLine(profile, await service.FindContactAsync(user.TalentId, ct), includeProtected: true));
    }

    private static async Task<Results<Ok<TalentLine>, ProblemHttpResult>> SaveMine(TalentLine body,
        TalentService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user?.TalentId is null) return ApiResults.NotFound("profile");
        var result = await service.SaveAsync(user.TalentId, body, ct);
        if (!result.Succeeded) return ResultHttp.Problem(result.Errors);
        return TypedResults.Ok(TalentService.ToLine(result.Value.Profile, result.Value.Contact, includeProtected: true));
    }

    private static async Task<Results<Ok<TalentLine>, ProblemHttpResult>> GetProfile(string id, string? purpose, Gongjiang.Application.Sharing.SharingService sharing,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null) return ApiResults.NotFound($"talent {id}");
        // Employers see shared profiles (or their applicants); contact data only for the kinds the seeker consented to.
        // Every view by someone other than the owner is logged for the owner to see.
        var access = await sharing.OpenAsync(SharingApi.ViewerOf(user), id, "api", purpose, ct);
        if (access is null) return ApiResults.NotFound($"talent {id}");
        var owner = access.Basis == Gongjiang.Application.Sharing.AccessBasis.Owner;
        return TypedResults.Ok(TalentService.ToLine(access.Profile, access.Contact, includeProtected: owner));
    }
}
