using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Talent;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>
/// Consented résumé sharing (人才简历云端共享, PIPL art. 23): employers search the zone's shared pool and see masked
/// cards; they ask a seeker for contact data naming purpose and kinds; the seeker grants, declines or later revokes;
/// every view of a résumé by someone else is in the seeker's view log (谁看过我的简历).
/// </summary>
public static class SharingApi
{
    public static RouteGroupBuilder MapSharingApi(this RouteGroupBuilder v1)
    {
        var employer = new[] { Roles.EmployerHR, Roles.Agency };
        var talent = v1.MapGroup("/talent").WithTags("Talent sharing");
        talent.MapGet("/search", Search).WithName("SearchTalent")
            .WithSummary("Talent search over the shared pool: words as people type them and filters; masked cards, relevance or newest first")
            .RequireAuthorization(p => p.RequireRole(employer)).RequireRateLimiting(RateLimits.Search);
        talent.MapGet("/{id}/similar", Similar).WithName("SimilarTalent")
            .WithSummary("相似人才: shared profiles like this one, from the matching engine; masked cards")
            .RequireAuthorization(p => p.RequireRole(employer));
        talent.MapPost("/{id}/contact-requests", RequestContact).WithName("RequestTalentContact")
            .WithSummary("Ask the seeker for contact data: purpose and kinds (name, phone, email); 409 while one is pending")
            .RequireAuthorization(p => p.RequireRole(employer));

        var me = v1.MapGroup("/me").WithTags("Talent sharing");
        me.MapGet("/contact-requests", MyRequests).WithName("GetMyContactRequests")
            .WithSummary("Employers' requests for the signed-in seeker's contact data (pending only unless all=true)")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        me.MapPost("/contact-requests/{id}/grant", Grant).WithName("GrantContactRequest")
            .WithSummary("Consent: give that employer the requested kinds (or fewer) for the stated purpose")
            .RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        me.MapPost("/contact-requests/{id}/decline", Decline).WithName("DeclineContactRequest")
            .WithSummary("Decline a request").RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        me.MapGet("/consents", MyConsents).WithName("GetMyConsents")
            .WithSummary("The signed-in seeker's consents, active and revoked").RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        me.MapPost("/consents/{id}/revoke", Revoke).WithName("RevokeConsent")
            .WithSummary("Withdraw a consent; the employer sees the contact data masked again").RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        me.MapGet("/resume-views", MyViews).WithName("GetMyResumeViews")
            .WithSummary("谁看过我的简历: every view of the signed-in seeker's résumé by someone else").RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        return v1;
    }

    // Numbers are bound as text so that a value that is not one is a 400 naming its parameter, like any other bad filter.
    private static async Task<Results<Ok<TalentSearchResult>, ProblemHttpResult>> Search(IUseCases useCases,
        [Description("Words as people type them, combined with AND, at most 500 characters: a city (青岛: living or willing to work there), an occupation by name, alias or everyday title (电焊工: holds it or says it), years (3年: at least), or text in titles, skills, certificates, schools, the résumé")] string? q,
        [Description("Occupation: code of the 2022 classification (6-18-02-04), a group prefix (6-18), a name, an alias or an everyday title")] string? occupation,
        [QueryType("integer"), Range(1, 5), Description("Lowest skill grade held, 1–5 (五级 to 一级 as 5 to 1 are grades 1 to 5)")] string? minGrade,
        [Description("Region code of the current city (370211), at most 6 digits")] string? city,
        [Description("Lowest education level: junior_high, high_school, secondary_vocational, higher_vocational, bachelor, master, doctorate")] string? education,
        [Description("Major code of the vocational or higher-education catalogue")] string? major,
        [QueryType("number"), Range(0, 60), Description("Fewest years of experience, 0–60")] string? minExperience,
        [QueryType("integer"), Range(0, int.MaxValue), Description("Expected monthly pay at least (yuan), not negative")] string? payMin,
        [QueryType("integer"), Range(0, int.MaxValue), Description("Expected monthly pay at most (yuan), not negative, not below payMin")] string? payMax,
        [QueryType("integer"), Range(1, Paging.MaxPage), Description("Page number, 1–10000 (default 1); outside it 400 naming the field")] string? page,
        [QueryType("integer"), Range(1, Paging.MaxPageSize), Description("Cards per page, 1–100 (default 20); outside it 400 naming the field")] string? pageSize,
        [Description("relevance (default) or newest")] string? sort,
        CancellationToken ct) =>
        (await useCases.RunAsync(new SearchTalent.Query(q, occupation, minGrade, city, education, major, minExperience, payMin, payMax, page, pageSize, Sort: sort), ct))
            .ToHttp(p => new TalentSearchResult(p.Items.Select(TalentCardResponse.Of).ToList(), p.Page, p.PageSize, p.Total));

    private static async Task<Results<Ok<IReadOnlyList<TalentCardResponse>>, ProblemHttpResult>> Similar(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new FindSimilarTalent.Query(id), ct)).ToHttp<IReadOnlyList<TalentCard>, IReadOnlyList<TalentCardResponse>>(
            cards => cards.Select(TalentCardResponse.Of).ToList());

    private static async Task<Results<Created<ContactRequestResponse>, ProblemHttpResult>> RequestContact(string id, ContactRequestBody body,
        IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new RequestContact.Command(id, body.Purpose, body.Kinds), ct))
            .ToCreated(r => $"/api/v1/me/contact-requests/{r.Request.Id}", ContactRequestResponse.Of);

    private static async Task<Results<Ok<IReadOnlyList<ContactRequestResponse>>, ProblemHttpResult>> MyRequests(bool? all, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListContactRequests.Query(all == true), ct)).ToHttp<IReadOnlyList<ContactRequestView>, IReadOnlyList<ContactRequestResponse>>(
            rows => rows.Select(ContactRequestResponse.Of).ToList());

    private static async Task<Results<Ok<ContactRequestResponse>, ProblemHttpResult>> Grant(string id, GrantBody? body, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AnswerContactRequest.Command(id, true, body?.Kinds is { Count: > 0 } kinds ? kinds : null), ct))
            .ToHttp(ContactRequestResponse.Of);

    private static async Task<Results<Ok<ContactRequestResponse>, ProblemHttpResult>> Decline(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new AnswerContactRequest.Command(id, false), ct)).ToHttp(ContactRequestResponse.Of);

    private static async Task<Results<Ok<IReadOnlyList<ConsentResponse>>, ProblemHttpResult>> MyConsents(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListConsents.Query(), ct)).ToHttp<IReadOnlyList<ConsentGrantView>, IReadOnlyList<ConsentResponse>>(
            rows => rows.Select(ConsentResponse.Of).ToList());

    private static async Task<Results<Ok<ConsentResponse>, ProblemHttpResult>> Revoke(string id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new RevokeConsent.Command(id), ct)).ToHttp(ConsentResponse.Of);

    private static async Task<Results<Ok<IReadOnlyList<ResumeViewLine>>, ProblemHttpResult>> MyViews(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new ListResumeViews.Query(200), ct)).ToHttp<IReadOnlyList<ResumeViewEntry>, IReadOnlyList<ResumeViewLine>>(
            rows => rows.Select(ResumeViewLine.Of).ToList());
}

public sealed record OccupationCardResponse(string Code, string? Name, int? Grade, bool Certified, string? TypedName);

/// <summary>A masked result: no contact data, no gender or birth year.</summary>
public sealed record TalentCardResponse(string Id, string MaskedName, string City, IReadOnlyList<OccupationCardResponse> Occupations, IReadOnlyList<string> Skills,
    IReadOnlyList<string> DesiredTitles, string? Education, string? MajorCode, double ExperienceYears, int? ExpectedSalaryMin, int? ExpectedSalaryMax,
    DateTime UpdatedAt, double Score)
{
    public static TalentCardResponse Of(TalentCard c) => new(c.Id, c.MaskedName, c.City,
        c.Occupations.Select(o => new OccupationCardResponse(o.Code, o.Name, o.Grade, o.Certified, o.TypedName)).ToList(), c.Skills, c.DesiredTitles, c.Education,
        c.MajorCode, c.ExperienceYears, c.ExpectedSalaryMin, c.ExpectedSalaryMax, c.UpdatedAt, c.Score);
}

public sealed record TalentSearchResult(IReadOnlyList<TalentCardResponse> Items, int Page, int PageSize, int Total);

public sealed record ContactRequestBody(string? Purpose, List<string>? Kinds);

public sealed record GrantBody(List<string>? Kinds);

public sealed record ContactRequestResponse(string Id, string TalentId, string EmployerId, string EmployerName, string Purpose, IReadOnlyList<string> Kinds,
    string Status, DateTime RequestedAt, DateTime? AnsweredAt, string? GrantId)
{
    public static ContactRequestResponse Of(ContactRequestView v) => new(v.Request.Id, v.Request.TalentId, v.Request.EmployerId, v.EmployerName,
        v.Request.Purpose, ContactKindNames.ToFileNames(v.Request.Kinds), v.Request.Status.ToString().ToLowerInvariant(), v.Request.RequestedAt,
        v.Request.AnsweredAt, v.Request.GrantId);
}

public sealed record ConsentResponse(string Id, string EmployerId, string EmployerName, string Purpose, IReadOnlyList<string> Kinds, DateTime GrantedAt,
    DateTime? RevokedAt, string? RevokedReason, bool Active)
{
    public static ConsentResponse Of(ConsentGrantView v) => new(v.Grant.Id, v.Grant.EmployerId, v.EmployerName, v.Grant.Purpose,
        ContactKindNames.ToFileNames(v.Grant.Kinds), v.Grant.GrantedAt, v.Grant.RevokedAt, v.Grant.RevokedReason, v.Grant.RevokedAt is null);
}

public sealed record ResumeViewLine(DateTime At, string ViewerName, string? EmployerId, string? EmployerName, IReadOnlyList<string> Shown, string Channel, string? Purpose,
    string? Source)
{
    public static ResumeViewLine Of(ResumeViewEntry e) => new(e.View.At, e.ViewerName, e.View.ViewerEmployerId, e.EmployerName,
        ContactKindNames.ToFileNames(e.View.Shown), e.View.Channel, e.View.Purpose, e.View.Source);
}
