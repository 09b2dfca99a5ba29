using Gongjiang.Application.Campus;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Recruiting;
using Gongjiang.Core.Campus;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

/// <summary>
/// Campus campaigns (校园招聘): employers create campaigns, send the outreach, read reach/response/application counts and schedule
/// campus talks; seekers list upcoming talks and sign up. Another employer's campaign answers 404; a full talk answers 409.
/// </summary>
public static class CampusApi
{
    public static RouteGroupBuilder MapCampusApi(this RouteGroupBuilder v1)
    {
        var employer = new[] { Roles.EmployerHR };
        var seeker = new[] { Roles.Seeker };
        var group = v1.MapGroup("/campus").WithTags("Campus");
        group.MapGet("/campaigns", List).WithName("ListCampaigns").WithSummary("The employer's campus campaigns with their counts")
            .RequireAuthorization(p => p.RequireRole(employer));
        group.MapPost("/campaigns", Create).WithName("CreateCampaign").WithSummary("Create a campaign: majors, schools, graduation year, linked jobs")
            .RequireAuthorization(p => p.RequireRole(employer));
        group.MapGet("/campaigns/{id}", Get).WithName("GetCampaign").WithSummary("One campaign with reach, response, applications and talks")
            .RequireAuthorization(p => p.RequireRole(employer));
        group.MapPost("/campaigns/{id}/outreach", Outreach).WithName("SendCampaignOutreach")
            .WithSummary("Send the notice to everyone in the audience not reached yet (channels: inapp, sms, email)").RequireAuthorization(p => p.RequireRole(employer));
        group.MapPost("/campaigns/{id}/talks", AddTalk).WithName("AddCampusTalk").WithSummary("Schedule a campus talk (宣讲会)")
            .RequireAuthorization(p => p.RequireRole(employer));
        group.MapGet("/talks", Talks).WithName("ListCampusTalks").WithSummary("Upcoming campus talks for the signed-in seeker")
            .RequireAuthorization(p => p.RequireRole(seeker));
        group.MapPost("/talks/{id}/signup", SignUp).WithName("SignUpForCampusTalk").WithSummary("Sign up for a campus talk (409 when full)")
            .RequireAuthorization(p => p.RequireRole(seeker));
        group.MapPost("/campaigns/{id}/opened", Opened).WithName("OpenCampaignNotice").WithSummary("The seeker opened the campaign's notice")
            .RequireAuthorization(p => p.RequireRole(seeker));
        return v1;
    }

    public sealed record CampaignRequest(string? Title, string? Message, List<string>? MajorCodes, List<string>? Schools, int? GraduationYear, List<string>? JobIds);
    public sealed record OutreachRequest(List<string>? Channels);
    public sealed record TalkRequest(string? School, string? Place, DateTime? StartsAt, int? Capacity);
    public sealed record TalkView(string Id, string CampaignId, string School, string Place, DateTime StartsAt, int Capacity, int Taken);
    public sealed record CampaignView(string Id, string Title, string Message, IReadOnlyList<string> MajorCodes, IReadOnlyList<string> Schools,
        int GraduationYear, IReadOnlyList<string> JobIds, CampaignStats Stats, IReadOnlyList<TalkView> Talks);
    public sealed record SeekerTalkView(string Id, string CampaignTitle, string EmployerName, string School, string Place, DateTime StartsAt, int Capacity,
        int Taken, bool SignedUp, bool Targeted);
    public sealed record OutreachResult(int Sent);

    private static TalkView ToView(CampusTalk t) => new(t.Id, t.CampaignId, t.School, t.Place, t.StartsAt, t.Capacity, t.Signups.Count);

    private static async Task<CampaignView> ToViewAsync(CampusCampaign c, CampusService campus, CancellationToken ct) => new(c.Id, c.Title, c.Message,
        c.MajorCodes, c.Schools, c.GraduationYear, c.JobIds, await campus.StatsAsync(c, ct), c.Talks.OrderBy(t => t.StartsAt).Select(ToView).ToList());

    private static async Task<RecruitingActor?> EmployerAsync(HttpContext http, UserManager<AppUser> users) =>
        await CurrentUser.FromAsync(http.User, users) is { IsEmployer: true } u ? new RecruitingActor(u.Id, u.EmployerId, null) : null;

    private static ProblemHttpResult Failure<T>(RecruitingResult<T> result, string what) => result.Failure switch
    {
        RecruitingFailure.NotFound => ApiResults.NotFound(what),
        RecruitingFailure.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "输入有误 / Invalid input", detail: result.Message),
        _ => ApiResults.Conflict(result.Message ?? "conflict"),
    };

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "输入有误 / Invalid input");

    private static async Task<Results<Ok<List<CampaignView>>, ProblemHttpResult>> List(CampusService campus, HttpContext http, UserManager<AppUser> users,
        CancellationToken ct)
    {
        if (await EmployerAsync(http, users) is not { EmployerId: { } employerId }) return TypedResults.Problem(statusCode: 403, title: "No employer");
        var views = new List<CampaignView>();
        foreach (var c in await campus.ListAsync(employerId, ct)) views.Add(await ToViewAsync(c, campus, ct));
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<CampaignView>, ValidationProblem, ProblemHttpResult>> Create(CampaignRequest body, CampusService campus,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Title)) return Invalid("title", "is required");
        if (string.IsNullOrWhiteSpace(body.Message)) return Invalid("message", "is required");
        if (body.GraduationYear is not { } year) return Invalid("graduationYear", "is required");
        if (await EmployerAsync(http, users) is not { } actor) return TypedResults.Problem(statusCode: 403, title: "No employer");
        var result = await campus.CreateAsync(actor, new CampaignInput(body.Title, body.Message, body.MajorCodes ?? [], body.Schools ?? [], year, body.JobIds ?? []), ct);
        if (!result.Succeeded) return Failure(result, "campaign");
        return TypedResults.Created($"/api/v1/campus/campaigns/{result.Value!.Id}", await ToViewAsync(result.Value, campus, ct));
    }

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> Get(string id, CampusService campus, HttpContext http, UserManager<AppUser> users,
        CancellationToken ct)
    {
        var actor = await EmployerAsync(http, users);
        var campaign = await campus.FindAsync(actor?.EmployerId, id, ct);
        return campaign is null ? ApiResults.NotFound($"campaign {id}") : TypedResults.Ok(await ToViewAsync(campaign, campus, ct));
    }

    public static bool TryParseChannels(IEnumerable<string>? names, out NoticeChannels channels)
    {
        channels = 0;
        foreach (var name in names ?? [])
        {
            if (name?.ToLowerInvariant() is not ("inapp" or "sms" or "email") || !Enum.TryParse<NoticeChannels>(name, true, out var c)) return false;
            channels |= c;
        }
        return channels != 0;
    }

    private static async Task<Results<Ok<OutreachResult>, ValidationProblem, ProblemHttpResult>> Outreach(string id, OutreachRequest body, CampusService campus,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (!TryParseChannels(body.Channels, out var channels)) return Invalid("channels", "one or more of inapp, sms, email");
        if (await EmployerAsync(http, users) is not { } actor) return ApiResults.NotFound($"campaign {id}");
        var result = await campus.SendOutreachAsync(actor, id, channels, ct);
        return result.Succeeded ? TypedResults.Ok(new OutreachResult(result.Value)) : Failure(result, $"campaign {id}");
    }

    private static async Task<Results<Created<TalkView>, ValidationProblem, ProblemHttpResult>> AddTalk(string id, TalkRequest body, CampusService campus,
        HttpContext http, UserManager<AppUser> users, CancellationToken ct)
    {
        if (body.StartsAt is not { } startsAt) return Invalid("startsAt", "is required");
        if (body.Capacity is not { } capacity) return Invalid("capacity", "is required");
        if (await EmployerAsync(http, users) is not { } actor) return ApiResults.NotFound($"campaign {id}");
        var result = await campus.AddTalkAsync(actor, id, new TalkInput(body.School ?? "", body.Place ?? "", startsAt.ToUniversalTime(), capacity), ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/campus/talks/{result.Value!.Id}", ToView(result.Value)) : Failure(result, $"campaign {id}");
    }

    private static async Task<Results<Ok<List<SeekerTalkView>>, ProblemHttpResult>> Talks(CampusService campus, HttpContext http, UserManager<AppUser> users,
        CancellationToken ct)
    {
        if (await CurrentUser.FromAsync(http.User, users) is not { TalentId: { } talentId }) return TypedResults.Problem(statusCode: 403, title: "No talent profile");
        return TypedResults.Ok((await campus.TalksForSeekerAsync(talentId, ct)).Select(l => new SeekerTalkView(l.Talk.Id, l.CampaignTitle, l.EmployerName,
            l.Talk.School, l.Talk.Place, l.Talk.StartsAt, l.Talk.Capacity, l.Taken, l.SignedUp, l.Targeted)).ToList());
    }

    private static async Task<Results<Ok<TalkView>, ProblemHttpResult>> SignUp(string id, CampusService campus, HttpContext http, UserManager<AppUser> users,
        CancellationToken ct)
    {
        if (await CurrentUser.FromAsync(http.User, users) is not { TalentId: { } talentId }) return TypedResults.Problem(statusCode: 403, title: "No talent profile");
        var result = await campus.SignUpAsync(talentId, id, ct);
        return result.Succeeded ? TypedResults.Ok(ToView(result.Value!)) : Failure(result, $"talk {id}");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Opened(string id, CampusService campus, HttpContext http, UserManager<AppUser> users,
        CancellationToken ct)
    {
        if (await CurrentUser.FromAsync(http.User, users) is not { TalentId: { } talentId }) return TypedResults.Problem(statusCode: 403, title: "No talent profile");
        await campus.RespondAsync(talentId, id, "opened", ct);
        return TypedResults.NoContent();
    }
}
