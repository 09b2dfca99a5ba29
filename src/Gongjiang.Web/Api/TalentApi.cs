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
            .WithSummary("A profile: operators see it with masked contact data; employers only when the seeker shares with the zone")
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

    private static async Task<Results<Ok<TalentLine>, ValidationProblem, ProblemHttpResult>> SaveMine(TalentLine body,
        TalentService service, HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user?.TalentId is null) return ApiResults.NotFound("profile");
        var result = await service.SaveAsync(user.TalentId, body, ct);
        if (result.Value is null) return ApiResults.Invalid(result);
        return TypedResults.Ok(TalentService.ToLine(result.Value.Profile, result.Value.Contact, includeProtected: true));
    }

    private static async Task<Results<Ok<TalentLine>, ProblemHttpResult>> GetProfile(string id, TalentService service,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        var profile = await service.FindAsync(id, ct);
        if (profile is null || user is null) return ApiResults.NotFound($"talent {id}");
        if (user.TalentId == id)
            return TypedResults.Ok(TalentService.ToLine(profile, await service.FindContactAsync(id, ct), includeProtected: true));
        var visible = user.IsOperator || (user.IsEmployer && profile.SharedWithZone && profile.IsActive);
        if (!visible) return ApiResults.NotFound($"talent {id}");
        // Contact data stays masked: it is revealed only with the seeker's consent to that employer.
        var contact = await service.FindContactAsync(id, ct);
        var masked = contact is null ? null : new Gongjiang.Core.Talent.TalentContact
        {
            TalentId = id, Name = TalentService.MaskName(contact.Name), Phone = TalentService.MaskPhone(contact.Phone),
        };
        return TypedResults.Ok(TalentService.ToLine(profile, masked, includeProtected: false));
    }
}
