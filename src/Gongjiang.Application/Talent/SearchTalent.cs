using System.Globalization;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Search;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Core.Common;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Talent;

/// <summary>
/// 人才搜索: an employer searches the zone's shared pool by words and filters and gets masked cards, relevance then
/// recency, paged. The filters come as typed (the query string); a value that is not what it should be is an error
/// named by its parameter.
/// </summary>
public static class SearchTalent
{
    /// <param name="Text">Words as people type them (焊工 青岛, 数控 车工 3年), combined with AND.</param>
    /// <param name="Occupation">A code, a name, an alias or an everyday title (电焊工).</param>
    /// <param name="Sort">relevance (the default) or newest.</param>
    /// <param name="ReadNames">The major may be given by name as well as by code (the search page's field).</param>
    public sealed record Query(string? Text = null, string? Occupation = null, string? MinGrade = null, string? City = null, string? Education = null,
        string? Major = null, string? MinExperience = null, string? PayMin = null, string? PayMax = null, string? Page = null, string? PageSize = null,
        bool ReadNames = false, string? Sort = null) : IUseCase<CardPage>;

    public sealed record CardPage(IReadOnlyList<TalentCard> Items, int Page, int PageSize, int Total);

    public sealed class Handler(TalentSearchService search, TaxonomyCatalog catalog, SearchWords words, ICurrentUser currentUser) : IUseCaseHandler<Query, CardPage>
    {
        public async Task<Result<CardPage>> HandleAsync(Query query, CancellationToken ct)
        {
            var parsed = Parse(query);
            if (!parsed.Succeeded) return parsed.Cast<CardPage>();
            // Seekers who blocked the searching company are not found by it.
            var hiddenFrom = (await currentUser.GetAsync(ct))?.EmployerId;
            var page = await search.SearchAsync(parsed.Value with { HiddenFrom = hiddenFrom }, ct);
            var cards = await search.CardsAsync(page.Items.Select(i => (i.Profile, (double)i.Score)), ct);
            return new CardPage(cards, page.Page, page.PageSize, page.Total);
        }

        /// <summary>The query string into a search, then the search's own checks.</summary>
        private Result<TalentSearchQuery> Parse(Query query)
        {
            var errors = new ErrorList();
            int? Int(string? raw, string name)
            {
                if (string.IsNullOrWhiteSpace(raw)) return null;
                if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
                errors.Add(name, InputErrors.NotInteger);
                return null;
            }
            static string? Text(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            EducationLevel? education = null;
            if (Text(query.Education) is { } e)
            {
                if (EducationLevels.TryParse(e, out var level)) education = level;
                else errors.Add("education", InputErrors.UnknownEducation, e);
            }
            double? minExperience = null;
            if (Text(query.MinExperience) is { } x)
            {
                if (double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var years) && double.IsFinite(years)) minExperience = years;
                else errors.Add("minExperience", InputErrors.NotNumber);
            }
            var occupation = Text(query.Occupation);
            if (occupation is not null)
            {
                if (occupation.Length <= 50 && words.Occupation(occupation) is { } code) occupation = code;
                else
                {
                    errors.Add("occupation", SearchErrors.UnknownOccupation);
                    occupation = null;
                }
            }
            var major = Text(query.Major);
            if (query.ReadNames && major is not null) major = TypedNames.Major(catalog, major);
            TalentSort? sort = null;
            if (Text(query.Sort) is { } s)
            {
                if (Enum.TryParse<TalentSort>(s, ignoreCase: true, out var chosen) && Enum.IsDefined(chosen) && char.IsAsciiLetter(s[0])) sort = chosen;
                else errors.Add("sort", SearchErrors.UnknownTalentSort);
            }
            var q = new TalentSearchQuery
            {
                Text = Text(query.Text), Occupation = occupation, MinGrade = Int(query.MinGrade, "minGrade"), City = Text(query.City),
                MinEducation = education, Major = major, MinExperience = minExperience, PayMin = Int(query.PayMin, "payMin"),
                PayMax = Int(query.PayMax, "payMax"), Sort = sort, Page = Int(query.Page, "page") ?? 1, PageSize = Int(query.PageSize, "pageSize") ?? 20,
            };
            if (!errors.IsEmpty) return errors;
            return TalentSearchService.Validate(q);
        }
    }
}
