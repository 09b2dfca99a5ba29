using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Import;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Search;
using Gongjiang.Application.Seekers;
using Gongjiang.Core.Common;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Talent;

/// <summary>
/// The searchable, non-personal text of a shared profile: desired titles, occupation names, skills, certificates, school,
/// major and résumé text, lower-cased. Never the name, phone, e-mail, ID number, gender or birth year.
/// Written in the same save as its profile (<see cref="TalentSearchIndexInterceptor"/>), and only for the shared pool.
/// SQLite mirrors it into the FTS5 table TalentSearchFts (trigram tokenizer) by triggers; PostgreSQL indexes it with pg_trgm.
/// </summary>
public sealed class TalentSearchDocument
{
    public long Id { get; set; }
    public string TalentId { get; set; } = "";
    /// <summary>Titles, occupations, skills and certificates: matches here weigh more.</summary>
    public string Headline { get; set; } = "";
    /// <summary>Everything searchable, the headline included.</summary>
    public string Text { get; set; } = "";
    /// <summary>The profile's UpdatedAt this document was built from: a different value means the document is stale.</summary>
    public DateTime SourceUpdatedAt { get; set; }
}

internal sealed class TalentSearchDocumentConfiguration : IEntityTypeConfiguration<TalentSearchDocument>
{
    public void Configure(EntityTypeBuilder<TalentSearchDocument> b)
    {
        b.ToTable("TalentSearchDocuments");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedOnAdd();
        b.Property(d => d.TalentId).HasMaxLength(40);
        b.HasIndex(d => d.TalentId).IsUnique();
        b.HasOne<TalentProfile>().WithOne().HasForeignKey<TalentSearchDocument>(d => d.TalentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record TalentSearchQuery
{
    public string? Text { get; init; }
    /// <summary>An occupation code (x-xx-xx-xx) or a group (6-18, or 6-18-00-00).</summary>
    public string? Occupation { get; init; }
    /// <summary>At least this national skill grade (5 初级 … 1 高级技师): a grade number ≤ this.</summary>
    public int? MinGrade { get; init; }
    /// <summary>A region code: the seeker lives there (prefix, so 3702 is all of Qingdao) or is willing to work there.</summary>
    public string? City { get; init; }
    public EducationLevel? MinEducation { get; init; }
    /// <summary>A major code or its prefix.</summary>
    public string? Major { get; init; }
    public double? MinExperience { get; init; }
    /// <summary>The pay the employer offers: seekers whose expectation overlaps it.</summary>
    public int? PayMin { get; init; }
    public int? PayMax { get; init; }
    /// <summary>Relevance (the default with words) or newest first.</summary>
    public TalentSort? Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    /// <summary>The employer searching: seekers who blocked it are left out.</summary>
    public string? HiddenFrom { get; init; }
}

/// <summary>The orders of a talent search: relevance then recency, or recency alone.</summary>
public enum TalentSort { Relevance, Newest }

public sealed record TalentSearchHit(TalentProfile Profile, int Score);

/// <param name="TypedName">The everyday name the seeker typed for the occupation (电焊工), if any.</param>
public sealed record OccupationCard(string Code, string? Name, int? Grade, bool Certified, string? TypedName = null);

/// <summary>A masked search result: the name as 张*, no contact data, no gender or birth year.</summary>
public sealed record TalentCard(string Id, string MaskedName, string City, IReadOnlyList<OccupationCard> Occupations, IReadOnlyList<string> Skills,
    IReadOnlyList<string> DesiredTitles, string? Education, string? MajorCode, double ExperienceYears, int? ExpectedSalaryMin, int? ExpectedSalaryMax,
    DateTime UpdatedAt, double Score);
public sealed record TalentSearchPage(IReadOnlyList<TalentSearchHit> Items, int Total, int Page, int PageSize);

/// <summary>
/// Talent search for employers over the zone's shared pool only (seekers who opted in): words as people type them (read by
/// <see cref="SearchWords"/>: a city narrows to seekers living or willing to work there, an occupation word finds profiles
/// holding the occupation or saying the word, 3年 asks for at least three years, anything else is text) plus filters,
/// ordered by relevance then recency. Terms of three or more characters go through the trigram index (FTS5 on SQLite, pg_trgm on
/// PostgreSQL); shorter ones (two-character Chinese words like 焊工, 电工) fall back to LIKE over the same documents.
/// Searching only reads: the documents are written with their profiles by <see cref="TalentSearchIndexInterceptor"/>.
/// </summary>
public sealed class TalentSearchService(AppDbContext db, TaxonomyCatalog catalog, MatchingIndex index, TimeProvider clock, SearchWords words)
{
    public const int MaxPageSize = Paging.MaxPageSize;
    public const int MaxTextLength = 500;

    private DbSet<TalentSearchDocument> Documents => db.Set<TalentSearchDocument>();

    public static Result<TalentSearchQuery> Validate(TalentSearchQuery q)
    {
        var m = new ErrorList();
        if ((q.Text?.Length ?? 0) > MaxTextLength) m.Add("q", InputErrors.TooLong, MaxTextLength);
        if (q.MinGrade is { } g && !SkillGrade.IsValid(g)) m.Add("minGrade", InputErrors.Grade, g);
        if (q.Occupation is { Length: > 0 } o && (o.Length > 12 || !o.All(c => char.IsAsciiDigit(c) || c == '-'))) m.Add("occupation", InputErrors.NotOccupationCode, o);
        if (q.City is { Length: > 0 } c && (c.Length > 6 || !c.All(char.IsAsciiDigit))) m.Add("city", InputErrors.NotRegionCode, c);
        if (q.Major is { Length: > 0 } mj && (mj.Length > 12 || !mj.All(char.IsAsciiLetterOrDigit))) m.Add("major", InputErrors.NotMajorCode, mj);
        if (q.MinExperience is < 0 or > 60) m.Add("minExperience", InputErrors.Between, 0, 60);
        if (q.PayMin is < 0 || q.PayMax is < 0) m.Add("pay", InputErrors.NotNegative);
        if (q.PayMin is { } lo && q.PayMax is { } hi && lo > hi) m.Add("pay", InputErrors.MinOverMax, lo, hi);
        Paging.Check(m, q.Page, q.PageSize);
        return m.IsEmpty ? q : m;
    }

    public async Task<TalentSearchPage> SearchAsync(TalentSearchQuery q, CancellationToken ct = default)
    {
        var read = words.Read(q.Text);
        var profiles = Filter(db.Talent.AsNoTracking().Where(t => t.SharedWithZone && t.IsActive), q);
        foreach (var word in read)
        {
            if (word.Kind == WordKind.City) profiles = InRegion(profiles, word.Code!);
            else if (word.Kind == WordKind.Experience)
            {
                var years = (double)word.Years!.Value;
                profiles = profiles.Where(t => t.ExperienceYears >= years);
            }
        }
        if (q.HiddenFrom is { } employerId) profiles = profiles.Where(t => !db.CompanyBlocks.Any(b => b.TalentId == t.Id && b.EmployerId == employerId));
        var terms = read.Where(w => w.Kind is WordKind.Text or WordKind.Occupation or WordKind.Benefit).ToList();
        if (terms.Count == 0)
        {
            var total = await profiles.CountAsync(ct);
            var items = await profiles.OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Id)
                .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToListAsync(ct);
            return new TalentSearchPage(items.Select(t => new TalentSearchHit(t, 0)).ToList(), total, q.Page, q.PageSize);
        }
        var hits = TextHits(terms);
        var joined = from t in profiles join h in hits on t.Id equals h.TalentId select new { Profile = t, h.Score };
        var count = await joined.CountAsync(ct);
        var ordered = q.Sort == TalentSort.Newest
            ? joined.OrderByDescending(x => x.Profile.UpdatedAt).ThenByDescending(x => x.Score)
            : joined.OrderByDescending(x => x.Score).ThenByDescending(x => x.Profile.UpdatedAt);
        var page = await ordered.ThenBy(x => x.Profile.Id).Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToListAsync(ct);
        return new TalentSearchPage(page.Select(x => new TalentSearchHit(x.Profile, x.Score)).ToList(), count, q.Page, q.PageSize);
    }

    /// <summary>Seekers living in the region (a prefix: 3702 is all of Qingdao) or willing to work there.</summary>
    private static IQueryable<TalentProfile> InRegion(IQueryable<TalentProfile> profiles, string code)
    {
        var prefix = SearchWords.RegionPrefix(code);
        return profiles.Where(t => t.CityCode.StartsWith(prefix) || t.WillingCities.Contains(code));
    }

    private static IQueryable<TalentProfile> Filter(IQueryable<TalentProfile> profiles, TalentSearchQuery q)
    {
        if (q.Occupation is { Length: > 0 } occupation)
        {
            var code = occupation.Trim();
            while (code.EndsWith("-00", StringComparison.Ordinal)) code = code[..^3];
            var exact = code.Count(c => c == '-') >= 3;
            var prefix = code + "-";
            var grade = q.MinGrade;
#pragma warning disable CA1310 // translated to SQL (LIKE 'prefix%'), where no culture applies
            profiles = profiles.Where(t => t.Occupations.Any(o => (exact ? o.Code == code : o.Code.StartsWith(prefix))
                && (grade == null || (o.Grade != null && o.Grade <= grade))));
#pragma warning restore CA1310
        }
        else if (q.MinGrade is { } grade)
            profiles = profiles.Where(t => t.Occupations.Any(o => o.Grade != null && o.Grade <= grade));
        if (q.City is { Length: > 0 } city)
            profiles = profiles.Where(t => t.CityCode.StartsWith(city) || t.WillingCities.Contains(city));
        if (q.MinEducation is { } level)
        {
            var levels = Enum.GetValues<EducationLevel>().Where(l => l >= level).Cast<EducationLevel?>().ToList();
            profiles = profiles.Where(t => levels.Contains(t.Education.Level));
        }
        if (q.Major is { Length: > 0 } major)
            profiles = profiles.Where(t => t.Education.MajorCode != null && t.Education.MajorCode.StartsWith(major));
        if (q.MinExperience is { } years) profiles = profiles.Where(t => t.ExperienceYears >= years);
        if (q.PayMax is { } payMax) profiles = profiles.Where(t => t.ExpectedSalaryMin == null || t.ExpectedSalaryMin <= payMax);
        if (q.PayMin is { } payMin) profiles = profiles.Where(t => t.ExpectedSalaryMax == null || t.ExpectedSalaryMax >= payMin);
        return profiles;
    }

    /// <summary>The documents matching every term, each with a relevance score (occurrences, headline occurrences counted thrice).</summary>
    private IQueryable<TextHit> TextHits(IReadOnlyList<SearchWord> terms)
    {
        var sqlite = db.Database.IsSqlite();
        var parameters = new List<object>();
        string Param(object value) { parameters.Add(value); return "{" + (parameters.Count - 1) + "}"; }
        var where = new List<string>();
        var score = new List<string>();
        // Occupation words also match the occupation codes in the headline, so they cannot narrow through the full-text index.
        var longTerms = terms.Where(t => t.Text.Length >= 3 && t.Kind != WordKind.Occupation).Select(t => t.Text).ToList();
        if (sqlite && longTerms.Count > 0)
        {
            var match = string.Join(" AND ", longTerms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""));
            where.Add($"d.\"Id\" IN (SELECT rowid FROM \"TalentSearchFts\" WHERE \"TalentSearchFts\" MATCH {Param(match)})");
        }
        foreach (var word in terms)
        {
            var term = word.Text;
            var says = $"d.\"Text\" LIKE {Param("%" + EscapeLike(term) + "%")} ESCAPE '\\'";
            if (word.Kind == WordKind.Occupation)
            {
                var holds = $"d.\"Headline\" LIKE {Param("%" + EscapeLike(SearchWords.OccupationPrefix(word.Code!)) + "%")} ESCAPE '\\'";
                where.Add($"({says} OR {holds})");
                score.Add($"CASE WHEN {holds} THEN 3 ELSE 0 END");
            }
            else if (!(sqlite && term.Length >= 3)) where.Add(says);
            var t = Param(term);
            score.Add($"(length(d.\"Text\") - length(replace(d.\"Text\", {t}, ''))) / {term.Length}");
            score.Add($"3 * ((length(d.\"Headline\") - length(replace(d.\"Headline\", {t}, ''))) / {term.Length})");
        }
        var sql = $"SELECT d.\"TalentId\" AS \"TalentId\", CAST({string.Join(" + ", score)} AS INTEGER) AS \"Score\" " +
                  $"FROM \"TalentSearchDocuments\" AS d WHERE {string.Join(" AND ", where)}";
        return db.Database.SqlQueryRaw<TextHit>(sql, parameters.ToArray());
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>Masked cards for profiles: the name as 张*, nothing else personal.</summary>
    public async Task<IReadOnlyList<TalentCard>> CardsAsync(IEnumerable<(TalentProfile Profile, double Score)> items, CancellationToken ct = default)
    {
        var list = items.ToList();
        var ids = list.Select(i => i.Profile.Id).ToList();
        var names = await db.TalentContacts.AsNoTracking().Where(c => ids.Contains(c.TalentId))
            .ToDictionaryAsync(c => c.TalentId, c => TalentService.MaskName(c.Name), ct);
        return list.Select(i => new TalentCard(i.Profile.Id, names.GetValueOrDefault(i.Profile.Id, "*"), i.Profile.CityCode,
            i.Profile.Occupations.Select(o => new OccupationCard(o.Code, catalog.FindOccupation(o.Code)?.Name, o.Grade, o.Certified, o.TypedName)).ToList(),
            i.Profile.Skills, i.Profile.DesiredTitles, i.Profile.Education.Level is { } l ? EducationLevels.ToFileName(l) : null, i.Profile.Education.MajorCode,
            i.Profile.ExperienceYears, i.Profile.ExpectedSalaryMin, i.Profile.ExpectedSalaryMax, i.Profile.UpdatedAt, i.Score)).ToList();
    }

    /// <summary>
    /// 相似人才: the matching engine ranks the shared pool against the candidate's profile turned into a query (their main
    /// occupation and grade, skills, certificates, city and expected pay). The candidate is never among them.
    /// </summary>
    public async Task<IReadOnlyList<(TalentProfile Profile, float Score)>> SimilarAsync(TalentProfile candidate, int top = 6, string? hiddenFrom = null,
        CancellationToken ct = default)
    {
        top = Math.Clamp(top, 1, 50);
        var main = candidate.Occupations.OrderBy(o => o.Grade ?? 9).FirstOrDefault();
        var probe = new JobPosting
        {
            Id = "similar:" + candidate.Id, EmployerId = "", Title = candidate.DesiredTitles.FirstOrDefault() ?? catalog.FindOccupation(main?.Code)?.Name ?? "",
            OccupationCode = main?.Code, OccupationConfidence = main is null ? null : 1, MinGrade = null,
            Skills = candidate.Skills.Select(s => new JobSkill { Name = s, Weight = 1 }).ToList(),
            CityCode = candidate.CityCode, SalaryMin = candidate.ExpectedSalaryMin ?? 0, SalaryMax = candidate.ExpectedSalaryMax ?? candidate.ExpectedSalaryMin ?? 0,
            Description = candidate.ResumeText.Length > 2000 ? candidate.ResumeText[..2000] : candidate.ResumeText,
            Status = JobStatus.Open, PostedAt = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };
        var engine = await index.GetAsync(ct);
        var blocking = await db.TalentBlockingAsync(hiddenFrom, ct);
        var ranked = engine.TalentForJob(probe, Math.Min(top * 4 + 20, 300))
            .Where(r => r.TalentId != candidate.Id && index.IsShared(r.TalentId) && !blocking.Contains(r.TalentId)).Take(top).ToList();
        var ids = ranked.Select(r => r.TalentId).ToList();
        var profiles = await db.Talent.AsNoTracking().Where(t => ids.Contains(t.Id) && t.SharedWithZone && t.IsActive).ToDictionaryAsync(t => t.Id, ct);
        return ranked.Where(r => profiles.ContainsKey(r.TalentId)).Select(r => (profiles[r.TalentId], r.Score)).ToList();
    }
}

/// <summary>One row of the text stage of a search.</summary>
public sealed class TextHit
{
    public string TalentId { get; set; } = "";
    public int Score { get; set; }
}
