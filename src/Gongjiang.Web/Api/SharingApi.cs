using Gongjiang.Web.Infrastructure;
using Gongjiang.Application.Common.Results;
using System.Globalization;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Talent;
using Gongjiang.Core.Common;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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
            .WithSummary("Full-text talent search over the shared pool with filters; masked cards, relevance then recency")
            .RequireAuthorization(p => p.RequireRole(employer)).RequireRateLimiting(Infrastructure.RateLimits.Search);
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

    public sealed record OccupationCard(string Code, string? Name, int? Grade, bool Certified);
    /// <summary>A masked result: no contact data, no gender or birth year.</summary>
    public sealed record TalentCard(string Id, string MaskedName, string City, IReadOnlyList<OccupationCard> Occupations, IReadOnlyList<string> Skills,
        IReadOnlyList<string> DesiredTitles, string? Education, string? MajorCode, double ExperienceYears, int? ExpectedSalaryMin, int? ExpectedSalaryMax,
        DateTime UpdatedAt, double Score);
    public sealed record TalentSearchResult(IReadOnlyList<TalentCard> Items, int Page, int PageSize, int Total);
    public sealed record ContactRequestBody(string? Purpose, List<string>? Kinds);
    public sealed record GrantBody(List<string>? Kinds);
    public sealed record ContactRequestView(string Id, string TalentId, string EmployerId, string EmployerName, string Purpose, IReadOnlyList<string> Kinds,
        string Status, DateTime RequestedAt, DateTime? AnsweredAt, string? GrantId);
    public sealed record ConsentView(string Id, string EmployerId, string EmployerName, string Purpose, IReadOnlyList<string> Kinds, DateTime GrantedAt,
        DateTime? RevokedAt, string? RevokedReason, bool Active);
    public sealed record ResumeViewLine(DateTime At, string ViewerName, string? EmployerId, string? EmployerName, IReadOnlyList<string> Shown, string Channel, string? Purpose);

    internal static Viewer ViewerOf(CurrentUser user) => new(user.Id, user.IsEmployer ? user.EmployerId : null, user.IsSeeker ? user.TalentId : null, user.IsOperator);

    /// <summary>Reads the query string into a search; bad values are named by their parameter.</summary>
    public static Result<TalentSearchQuery> ParseQuery(TalentSearchService search, IQueryCollection query)
    {
        var errors = new ErrorList();
        int? Int(string name)
        {
            var raw = query[name].ToString();
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
            errors.Add(name, InputErrors.NotInteger);
            return null;
        }
        string? Text(string name) => string.IsNullOrWhiteSpace(query[name].ToString()) ? null : query[name].ToString().Trim();
        EducationLevel? education = null;
        if (Text("education") is { } e)
        {
            if (EducationLevels.TryParse(e, out var level)) education = level;
            else errors.Add("education", InputErrors.UnknownEducation, e);
        }
        double? minExperience = null;
        if (Text("minExperience") is { } x)
        {
            if (double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var years) && double.IsFinite(years)) minExperience = years;
            else errors.Add("minExperience", InputErrors.NotNumber);
        }
        var q = new TalentSearchQuery
        {
            Text = Text("q"), Occupation = Text("occupation"), MinGrade = Int("minGrade"), City = Text("city"), MinEducation = education,
            Major = Text("major"), MinExperience = minExperience, PayMin = Int("payMin"), PayMax = Int("payMax"),
            Page = Int("page") ?? 1, PageSize = Int("pageSize") ?? 20,
        };
        if (!errors.IsEmpty) return errors;
        return search.Validate(q);
    }

    private static async Task<Results<Ok<TalentSearchResult>, ProblemHttpResult>> Search(HttpContext http, TalentSearchService search,
        AppDbContext db, TaxonomyCatalog catalog, CancellationToken ct)
    {
        var parsed = ParseQuery(search, http.Request.Query);
        if (!parsed.Succeeded) return ResultHttp.Problem(parsed.Errors);
        var query = parsed.Value;
        var page = await search.SearchAsync(query, ct);
        var cards = await CardsAsync(db, catalog, page.Items.Select(i => (i.Profile, (double)i.Score)), ct);
        return TypedResults.Ok(new TalentSearchResult(cards, page.Page, page.PageSize, page.Total));
    }

    private static async Task<Results<Ok<IReadOnlyList<TalentCard>>, ProblemHttpResult>> Similar(string id, HttpContext http, UserManager<AppUser> users,
        SharingService sharing, TalentSearchService search, AppDbContext db, TaxonomyCatalog catalog, CancellationToken ct)
    {
        if (await CurrentUser.FromAsync(http.User, users) is not { } user) return ApiResults.NotFound($"talent {id}");
        if (await sharing.AccessAsync(ViewerOf(user), id, ct) is not { } access) return ApiResults.NotFound($"talent {id}");
        var similar = await search.SimilarAsync(access.Profile, 6, ct);
        return TypedResults.Ok(await CardsAsync(db, catalog, similar.Select(s => (s.Profile, (double)s.Score)), ct));
    }

    /// <summary>Masked cards for profiles: the name as 张*, nothing else personal.</summary>
    public static async Task<IReadOnlyList<TalentCard>> CardsAsync(AppDbContext db, TaxonomyCatalog catalog, IEnumerable<(TalentProfile Profile, double Score)> items, CancellationToken ct)
    {
        var list = items.ToList();
        var ids = list.Select(i => i.Profile.Id).ToList();
        var contacts = await db.TalentContacts.AsNoTracking().Where(c => ids.Contains(c.TalentId)).ToListAsync(ct);
        var names = contacts.ToDictionary(c => c.TalentId, c => TalentService.MaskName(c.Name));
        return list.Select(i => new TalentCard(i.Profile.Id, names.GetValueOrDefault(i.Profile.Id, "*"), i.Profile.CityCode,
            i.Profile.Occupations.Select(o => new OccupationCard(o.Code, catalog.FindOccupation(o.Code)?.Name, o.Grade, o.Certified)).ToList(),
            i.Profile.Skills, i.Profile.DesiredTitles, i.Profile.Education.Level is { } l ? EducationLevels.ToFileName(l) : null, i.Profile.Education.MajorCode,
            i.Profile.ExperienceYears, i.Profile.ExpectedSalaryMin, i.Profile.ExpectedSalaryMax, i.Profile.UpdatedAt, i.Score)).ToList();
    }

    private static async Task<Results<Created<ContactRequestView>, ValidationProblem, ProblemHttpResult>> RequestContact(string id, ContactRequestBody body,
        HttpContext http, UserManager<AppUser> users, SharingService sharing, AppDbContext db, CancellationToken ct)
    {
        if (await CurrentUser.FromAsync(http.User, users) is not { IsEmployer: true } user) return ApiResults.NotFound($"talent {id}");
        var kinds = ContactKindNames.Parse(body.Kinds);
        if (kinds is null) return Invalid("kinds", "each kind must be name, phone or email");
        var result = await sharing.RequestContactAsync(ViewerOf(user), id, body.Purpose, kinds.Value, ct);
        if (result.Failure == SharingFailure.Invalid) return Invalid(result.Field ?? "body", result.Message ?? "invalid");
        if (!result.Succeeded) return Problem(result);
        var employerName = await db.Employers.Where(e => e.Id == user.EmployerId).Select(e => e.Name).FirstOrDefaultAsync(ct) ?? "";
        return TypedResults.Created($"/api/v1/me/contact-requests/{result.Value!.Id}", ToView(result.Value, employerName));
    }

    private static async Task<Results<Ok<IReadOnlyList<ContactRequestView>>, ProblemHttpResult>> MyRequests(bool? all, HttpContext http,
        UserManager<AppUser> users, SharingService sharing, CancellationToken ct)
    {
        if (await CurrentUser.FromAsync(http.User, users) is not { IsSeeker: true } user) return ApiResults.NotFound("profile");
        var rows = await sharing.RequestsForSeekerAsync(user.TalentId!, pendingOnly: all != true, ct);
        return TypedResults.Ok<IReadOnlyList<ContactRequestView>>(rows.Select(r => ToView(r.Request, r.EmployerName)).ToList());
    }

    private static Task<Results<Ok<ContactRequestView>, ValidationProblem, ProblemHttpResult>> Grant(string id, GrantBody? body, HttpContext http,
        UserManager<AppUser> users, SharingService sharing, CancellationToken ct) => Answer(id, true, body?.Kinds, http, users, sharing, ct);

    private static Task<Results<Ok<ContactRequestView>, ValidationProblem, ProblemHttpResult>> Decline(string id, HttpContext http,
        UserManager<AppUser> users, SharingService sharing, CancellationToken ct) => Answer(id, false, null, http, users, sharing, ct);

    private static async Task<Results<Ok<ContactRequestView>, ValidationProblem, ProblemHttpResult>> Answer(string id, bool grant, List<string>? kindNames,
        HttpContext http, UserManager<AppUser> users, SharingService sharing, CancellationToken ct)
    {
        if (await CurrentUser.FromAsync(http.User, users) is not { IsSeeker: true } user) return ApiResults.NotFound($"contact request {id}");
        ContactKinds? only = null;
        if (kindNames is { Count: > 0 })
        {
            only = ContactKindNames.Parse(kindNames);
            if (only is null) return Invalid("kinds", "each kind must be name, phone or email");
        }
        var result = await sharing.AnswerAsync(user.TalentId!, id, grant, only, ct);
        if (result.Failure == SharingFailure.Invalid) return Invalid(result.Field ?? "body", result.Message ?? "invalid");
        if (!result.Succeeded) return Problem(result);
        var name = (await sharing.RequestsForSeekerAsync(user.TalentId!, pendingOnly: false, ct)).FirstOrDefault(r => r.Request.Id == id)?.EmployerName ?? "";
        return TypedResults.Ok(ToView(result.Value!, name));
    }

    private static async Task<Results<Ok<IReadOnlyList<ConsentView>>, ProblemHttpResult>> MyConsents(HttpContext http, UserManager<AppUser> users,
        SharingService sharing, CancellationToken ct)
    {
        if (await CurrentUser.FromAsync(http.User, users) is not { IsSeeker: true } user) return ApiResults.NotFound("profile");
        var rows = await sharing.GrantsForSeekerAsync(user.TalentId!, ct);
        return TypedResults.Ok<IReadOnlyList<ConsentView>>(rows.Select(r => ToView(r.Grant, r.EmployerName)).ToList());
    }

    private static async Task<Results<Ok<ConsentView>, ValidationProblem, ProblemHttpResult>> Revoke(string id, HttpContext http, UserManager<AppUser> users,
        SharingService sharing, CancellationToken ct)
    {
        if (await CurrentUser.FromAsync(http.User, users) is not { IsSeeker: true } user) return ApiResults.NotFound($"consent {id}");
        var result = await sharing.RevokeAsync(user.TalentId!, id, ct);
        if (result.Failure == SharingFailure.Invalid) return Invalid(result.Field ?? "body", result.Message ?? "invalid");
        if (!result.Succeeded) return Problem(result);
        var name = (await sharing.GrantsForSeekerAsync(user.TalentId!, ct)).FirstOrDefault(g => g.Grant.Id == id)?.EmployerName ?? "";
        return TypedResults.Ok(ToView(result.Value!, name));
    }

    private static async Task<Results<Ok<IReadOnlyList<ResumeViewLine>>, ProblemHttpResult>> MyViews(HttpContext http, UserManager<AppUser> users,
        SharingService sharing, CancellationToken ct)
    {
        if (await CurrentUser.FromAsync(http.User, users) is not { IsSeeker: true } user) return ApiResults.NotFound("profile");
        var rows = await sharing.ViewsOfAsync(user.TalentId!, 200, ct);
        return TypedResults.Ok<IReadOnlyList<ResumeViewLine>>(rows.Select(v => new ResumeViewLine(v.View.At, v.ViewerName, v.View.ViewerEmployerId, v.EmployerName,
            ContactKindNames.ToFileNames(v.View.Shown), v.View.Channel, v.View.Purpose)).ToList());
    }

    private static ContactRequestView ToView(ContactRequest r, string employerName) => new(r.Id, r.TalentId, r.EmployerId, employerName, r.Purpose,
        ContactKindNames.ToFileNames(r.Kinds), r.Status.ToString().ToLowerInvariant(), r.RequestedAt, r.AnsweredAt, r.GrantId);

    private static ConsentView ToView(ConsentGrant g, string employerName) => new(g.Id, g.EmployerId, employerName, g.Purpose,
        ContactKindNames.ToFileNames(g.Kinds), g.GrantedAt, g.RevokedAt, g.RevokedReason, g.RevokedAt is null);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "输入有误 / Invalid input");

    /// <summary>404 for another party's or a missing record (its existence is not disclosed), 429 for the daily limit, 409 for a refused change.</summary>
    private static ProblemHttpResult Problem<T>(SharingResult<T> result) => result.Failure switch
    {
        SharingFailure.NotFound => ApiResults.NotFound(result.Message ?? "not found"),
        SharingFailure.Limit => TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "已达上限 / Limit reached", detail: result.Message),
        _ => ApiResults.Conflict(result.Message ?? "conflict"),
    };
}
