using System.Globalization;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Portal;
using Gongjiang.Application.Search;
using Gongjiang.Core.Common;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Jobs;

/// <summary>
/// 找工作: anyone searches open postings as they type it — several words (a city, an occupation by any of its names, a
/// benefit, years of experience, or free text; all must hold) — with filters for pay, education, experience, grade,
/// benefits and posting date, sorted by relevance, newest or pay, paged, with each employer's name. The filters come as
/// typed (the query string); a value that is not one of those allowed is an error named by its parameter.
/// </summary>
public static class SearchJobs
{
    public const int MaxTextLength = 500;
    public static readonly IReadOnlyList<int> PostedWithinChoices = [1, 3, 7, 30];

    /// <param name="Occupation">A code, a name, an alias or an everyday title (电焊工).</param>
    /// <param name="Benefits">Benefit tags, separated by commas (五险一金,包吃住).</param>
    /// <param name="BenefitsMatch">any (the default) or all of the benefit tags.</param>
    /// <param name="Posted">Posted in the last 1, 3, 7 or 30 days.</param>
    /// <param name="Sort">relevance, newest or pay; relevance when words are typed, newest otherwise.</param>
    public sealed record Query(string? Text = null, string? City = null, string? Occupation = null, string? PayMin = null, string? PayMax = null,
        string? Education = null, string? Experience = null, string? Grade = null, string? Benefits = null, string? Posted = null,
        string? Sort = null, string? EmployerId = null, int Page = 1, int PageSize = Paging.DefaultPageSize, string? BenefitsMatch = null) : IUseCase<Openings>;

    /// <param name="Words">How each word of the search box was read.</param>
    /// <param name="Occupation">The occupation filtered by.</param>
    /// <param name="EmployerName">The employer filtered by, when it exists (an unknown employer filters nothing).</param>
    public sealed record Openings(IReadOnlyList<SearchWord> Words, Occupation? Occupation, string? EmployerName, JobSort Sort,
        Paged<JobPosting> Result, IReadOnlyDictionary<string, string> EmployerNames);

    public sealed class Handler(JobService jobs, AppDbContext db, TaxonomyCatalog catalog, SearchWords words) : IUseCaseHandler<Query, Openings>
    {
        public async Task<Result<Openings>> HandleAsync(Query query, CancellationToken ct)
        {
            var errors = Paging.Check(new ErrorList(), query.Page, query.PageSize);
            static string? Typed(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            int? Int(string? raw, string name, int min, int max)
            {
                if (Typed(raw) is not { } text) return null;
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
                errors.Add(name, InputErrors.Between, min, max);
                return null;
            }
            var text = Typed(query.Text);
            if (text is { Length: > MaxTextLength }) errors.Add("q", InputErrors.TooLong, MaxTextLength);
            string? cityCode = null;
            if (Typed(query.City) is { } city)
            {
                if (catalog.FindRegion(city) is not null) cityCode = city;
                else errors.Add("city", SearchErrors.UnknownCity);
            }
            Occupation? occupation = null;
            if (Typed(query.Occupation) is { } typedOccupation)
            {
                if (typedOccupation.Length <= 50 && words.Occupation(typedOccupation) is { } code) occupation = catalog.FindOccupation(code);
                else errors.Add("occupation", SearchErrors.UnknownOccupation);
            }
            var payMin = Int(query.PayMin, "payMin", 0, 1_000_000);
            var payMax = Int(query.PayMax, "payMax", 0, 1_000_000);
            if (payMin is { } lo && payMax is { } hi && lo > hi) errors.Add("payMax", InputErrors.MinOverMax, lo, hi);
            EducationLevel? education = null;
            if (Typed(query.Education) is { } e)
            {
                if (EducationLevels.TryParse(e, out var level)) education = level;
                else errors.Add("education", SearchErrors.UnknownEducation);
            }
            var experience = Int(query.Experience, "experience", 0, 60);
            var grade = Int(query.Grade, "grade", SkillGrade.Min, SkillGrade.Max);
            var benefits = BenefitFilter.Parse(query.Benefits, query.BenefitsMatch, errors);
            int? posted = null;
            if (Typed(query.Posted) is { } p)
            {
                if (int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && PostedWithinChoices.Contains(days)) posted = days;
                else errors.Add("posted", SearchErrors.UnknownPosted);
            }
            var read = text is null || text.Length > MaxTextLength ? [] : words.Read(text);
            var sort = read.Count > 0 ? JobSort.Relevance : JobSort.Newest;
            if (Typed(query.Sort) is { } s)
            {
                if (Enum.TryParse<JobSort>(s, ignoreCase: true, out var chosen) && Enum.IsDefined(chosen) && char.IsAsciiLetter(s[0])) sort = chosen;
                else errors.Add("sort", SearchErrors.UnknownSort);
            }
            if (!errors.IsEmpty) return errors;

            var employerName = string.IsNullOrWhiteSpace(query.EmployerId) ? null
                : await db.Employers.Where(x => x.Id == query.EmployerId).Select(x => x.Name).FirstOrDefaultAsync(ct);
            var result = await jobs.SearchAsync(new JobQuery
            {
                Words = read, CityCode = cityCode, OccupationCode = occupation?.Code, EmployerId = employerName is null ? null : query.EmployerId,
                PayMin = payMin, PayMax = payMax, Education = education, Experience = experience, Grade = grade, Benefits = benefits,
                PostedWithinDays = posted, Sort = sort, Page = query.Page, PageSize = query.PageSize,
            }, ct);
            return new Openings(read, occupation, employerName, sort, result, await EmployerNames.OfAsync(db, result.Items, ct));
        }
    }
}
