using Gongjiang.Application.Campus;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Core.Campus;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

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
        int GraduationYear, IReadOnlyList<string> JobIds, StatsView Stats, IReadOnlyList<TalkView> Talks);
    public sealed record StatsView(int Audience, int Reached, int Responded, int Applications, int SignUps);
    public sealed record SeekerTalkView(string Id, string CampaignTitle, string EmployerName, string School, string Place, DateTime StartsAt, int Capacity,
        int Taken, bool SignedUp, bool Targeted);
    public sealed record OutreachResult(int Sent);

    private static TalkView ToView(CampusTalk t) => new(t.Id, t.CampaignId, t.School, t.Place, t.StartsAt, t.Capacity, t.Signups.Count);

    private static CampaignView ToView(CampaignDetail d)
    {
        var c = d.Campaign;
        return new(c.Id, c.Title, c.Message, c.MajorCodes, c.Schools, c.GraduationYear, c.JobIds,
            new StatsView(d.Stats.Audience, d.Stats.Reached, d.Stats.Responded, d.Stats.Applications, d.Stats.SignUps), c.Talks.OrderBy(t => t.StartsAt).Select(ToView).ToList());
    }

    private static CampaignInput Input(CampaignRequest b) => new(b.Title, b.Message, b.MajorCodes, b.Schools, b.GraduationYear, b.JobIds);

    private static async Task<Results<Ok<List<CampaignView>>, ProblemHttpResult>> List(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListCampaigns.Query(), ct)).ToHttp(l => l.Campaigns.Select(ToView).ToList());

    private static async Task<Results<Created<CampaignView>, ProblemHttpResult>> Create(CampaignRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new CreateCampaign.Command(Input(body)), ct)).ToCreated(d => $"/api/v1/campus/campaigns/{d.Campaign.Id}", ToView);

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> Get(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new GetCampaign.Query(id), ct)).ToHttp(c => ToView(c.Detail));

    private static async Task<Results<Ok<OutreachResult>, ProblemHttpResult>> Outreach(string id, OutreachRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SendOutreach.Command(id, body.Channels), ct)).ToHttp(sent => new OutreachResult(sent));

    private static async Task<Results<Created<TalkView>, ProblemHttpResult>> AddTalk(string id, TalkRequest body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AddTalk.Command(id, new TalkInput(body.School, body.Place, body.StartsAt?.ToUniversalTime(), body.Capacity)), ct))
            .ToCreated(t => $"/api/v1/campus/talks/{t.Id}", ToView);

    private static async Task<Results<Ok<List<SeekerTalkView>>, ProblemHttpResult>> Talks(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListTalks.Query(), ct)).ToHttp(list => list.Select(l => new SeekerTalkView(l.Talk.Id, l.CampaignTitle, l.EmployerName,
            l.Talk.School, l.Talk.Place, l.Talk.StartsAt, l.Talk.Capacity, l.Taken, l.SignedUp, l.Targeted)).ToList());

    private static async Task<Results<Ok<TalkView>, ProblemHttpResult>> SignUp(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new SignUpForTalk.Command(id), ct)).ToHttp(ToView);

    private static async Task<Results<NoContent, ProblemHttpResult>> Opened(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new OpenCampaignNotice.Command(id), ct)).ToNoContent();
}
