using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Core.Talent;
using Gongjiang.Matching.Engine;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Payloads;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Search.Payloads;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Gongjiang.Benchmarking;

/// <summary>
/// The benchmark's baseline, set up as a Lucene expert would: the structured fields are indexed for filtering and
/// ranking (occupation code and minor group, grade, experience, education, certificates, skill items as exact terms),
/// the hard filters are the engine's, built from cached per-value filters (<see cref="CachingWrapperFilter"/>, combined
/// by a <see cref="BooleanFilter"/>), and the ranking adds constant-score clauses for occupation, grade and experience,
/// skill items boosted by the posting's stated weights (query-time boosts one way, index-time payloads the other) and
/// BM25 over CJK bigrams of titles, occupation names, skills and the description or résumé. The index is on disk in an
/// <see cref="MMapDirectory"/> (a temporary folder unless one is given, removed on dispose).
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The ranking's boosts (tuned on another seed than the one the benchmark reports).</summary>
    public sealed record Boosts
    {
        public float Occupation { get; init; } = 3f;
        public float MinorGroup { get; init; } = 1f;
        public float ExactGrade { get; init; } = 0.5f;
        public float Experience { get; init; } = 1f;
        /// <summary>Multiplies a skill item's stated weight (weights of one posting sum to 1).</summary>
        public float Skills { get; init; } = 3f;
        public float Text { get; init; } = 0.05f;
    }

    private readonly TaxonomyLookup _taxonomy;
    private readonly Boosts _boosts;
    private readonly Analyzer _analyzer;
    private readonly string _path;
    private readonly bool _ownsPath;
    private readonly MMapDirectory _jobDir, _talentDir;
    private readonly SortedSet<string> _certificates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);
    private DirectoryReader? _jobReader, _talentReader;
    private IndexSearcher? _jobSearcher, _talentSearcher;

    public LuceneBaseline(TaxonomyCatalog catalog, string? directory = null, Boosts? boosts = null)
    {
        _taxonomy = new TaxonomyLookup(catalog);
        _boosts = boosts ?? new Boosts();
        _ownsPath = directory is null;
        _path = directory ?? Path.Combine(Path.GetTempPath(), "gongjiang-lucene-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(_path);
        _jobDir = new MMapDirectory(new DirectoryInfo(Path.Combine(_path, "jobs")));
        _talentDir = new MMapDirectory(new DirectoryInfo(Path.Combine(_path, "talent")));
        // Skill items "name|weight" one a line: the name is the term, the weight its payload.
        var skills = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new PatternTokenizer(reader, new Regex("\n", RegexOptions.CultureInvariant), -1);
            return new TokenStreamComponents(tokenizer, new DelimitedPayloadTokenFilter(tokenizer, '|', new SingleEncoder()));
        });
        _analyzer = new PerFieldAnalyzerWrapper(new CJKAnalyzer(Version), new Dictionary<string, Analyzer> { ["skill"] = skills });
    }

    /// <summary>Bytes the two indexes take on disk.</summary>
    public long IndexBytes => new DirectoryInfo(_path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    public void Build(IEnumerable<JobPosting> jobs, IEnumerable<TalentProfile> talent)
    {
        using (var writer = Writer(_jobDir))
        {
            foreach (var j in jobs) writer.AddDocument(JobDocument(j));
            writer.ForceMerge(1);
            writer.Commit();
        }
        using (var writer = Writer(_talentDir))
        {
            foreach (var t in talent) writer.AddDocument(TalentDocument(t));
            writer.ForceMerge(1);
            writer.Commit();
        }
        _jobReader = DirectoryReader.Open(_jobDir);
        _talentReader = DirectoryReader.Open(_talentDir);
        _jobSearcher = new IndexSearcher(_jobReader) { Similarity = new WeightedSkills(_boosts.Skills) };
        _talentSearcher = new IndexSearcher(_talentReader) { Similarity = new WeightedSkills(_boosts.Skills) };
    }

    private IndexWriter Writer(Lucene.Net.Store.Directory dir) =>
        new(dir, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 });

    /// <summary>BM25, with a payload (a skill item's stated weight) scaled by the skill boost.</summary>
    private sealed class WeightedSkills(float skillBoost) : BM25Similarity
    {
        protected override float ScorePayload(int doc, int start, int end, BytesRef payload) =>
            payload is null || payload.Length < 4 ? 1f : skillBoost * PayloadHelper.DecodeSingle(payload.Bytes, payload.Offset);
    }

    // ---------------------------------------------------------------- documents

    private Document JobDocument(JobPosting j)
    {
        var occupation = JobOccupation(j);
        var minor = occupation != 0 ? (occupation / 100).ToString(CultureInfo.InvariantCulture) : "none";
        var grade = j.MinGrade is { } g && SkillGrade.IsValid(g) ? g : 0;
        var doc = new Document
        {
            new StringField("id", j.Id, Field.Store.YES),
            new StringField("status", j.Status == JobStatus.Open ? "open" : "other", Field.Store.NO),
            new Int32Field("expires", j.ExpiresAt?.DayNumber ?? int.MaxValue, Field.Store.NO),
            new StringField("city", _taxonomy.CityOf(j.CityCode).ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new StringField("occ", occupation.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new StringField("minor", minor, Field.Store.NO),
            new StringField("mg", $"{minor}:{grade}", Field.Store.NO),
            new Int32Field("mingrade", grade, Field.Store.NO),
            new Int32Field("edumin", j.EducationMin is { } e ? (int)e : 0, Field.Store.NO),
            new Int32Field("expmin", Tenths(j.ExperienceMinYears ?? 0), Field.Store.NO),
            new TextField("skill", SkillPayloads(j), Field.Store.NO),
            new TextField("text", JobText(j, occupation, withDescription: true), Field.Store.NO),
        };
        foreach (var c in j.RequiredCertificates.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            _certificates.Add(c.Trim());
            doc.Add(new StringField("reqcert", c.Trim(), Field.Store.NO));
        }
        return doc;
    }

    private Document TalentDocument(TalentProfile t)
    {
        var doc = new Document
        {
            new StringField("id", t.Id, Field.Store.YES),
            new StringField("active", t.IsActive ? "1" : "0", Field.Store.NO),
            new Int32Field("edu", t.Education?.Level is { } level ? (int)level : 0, Field.Store.NO),
            new Int32Field("exp", Tenths(t.ExperienceYears), Field.Store.NO),
            new TextField("text", TalentText(t, withResume: true), Field.Store.NO),
        };
        foreach (var city in Reach(t)) doc.Add(new StringField("reach", city.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        foreach (var c in t.Certificates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct())
            doc.Add(new StringField("cert", c, Field.Store.NO));
        foreach (var code in TalentOccupations(t).Distinct())
        {
            doc.Add(new StringField("occ", code.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
            doc.Add(new StringField("occminor", (code / 100).ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        }
        foreach (var (minor, grade) in Graded(t))
        {
            doc.Add(new StringField("mg", $"{minor}:{grade}", Field.Store.NO));
            doc.Add(new StringField("mg", $"any:{grade}", Field.Store.NO));
        }
        foreach (var s in t.Skills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct())
            doc.Add(new StringField("skill", s, Field.Store.NO));
        return doc;
    }

    // ---------------------------------------------------------------- queries

    /// <summary>Ids of the best <paramref name="top"/> active talent for a job, under the engine's hard filters.</summary>
    public IReadOnlyList<string> TalentForJob(JobPosting job, int top)
    {
        var occupation = JobOccupation(job);
        var query = new BooleanQuery { { Constant(new MatchAllDocsQuery(), 0.001f), Occur.SHOULD } };
        if (occupation != 0)
        {
            query.Add(Constant(Term("occ", occupation), _boosts.Occupation), Occur.SHOULD);
            query.Add(Constant(Term("occminor", occupation / 100), _boosts.MinorGroup), Occur.SHOULD);
        }
        if (job.MinGrade is { } required && SkillGrade.IsValid(required))
            query.Add(Constant(new TermQuery(new Term("mg", $"{MinorOrAny(occupation)}:{required}")), _boosts.ExactGrade), Occur.SHOULD);
        if (job.ExperienceMinYears is > 0 and var years)
            query.Add(Constant(NumericRangeQuery.NewInt32Range("exp", Tenths(years), int.MaxValue, true, true), _boosts.Experience), Occur.SHOULD);
        foreach (var (name, weight) in StatedSkills(job))
            query.Add(Constant(new TermQuery(new Term("skill", name)), _boosts.Skills * (float)weight), Occur.SHOULD);
        query.Add(TextQuery(JobText(job, occupation, withDescription: false), _boosts.Text), Occur.SHOULD);
        return Search(_talentSearcher!, query, TalentFilter(job), top);
    }

    /// <summary>Ids of the best <paramref name="top"/> open jobs for a seeker, under the engine's hard filters.</summary>
    public IReadOnlyList<string> JobsForTalent(TalentProfile talent, int top, DateOnly today)
    {
        var query = new BooleanQuery { { Constant(new MatchAllDocsQuery(), 0.001f), Occur.SHOULD } };
        var first = true;
        foreach (var code in TalentOccupations(talent).Distinct())
        {
            query.Add(Constant(Term("occ", code), first ? _boosts.Occupation : 0.9f * _boosts.Occupation), Occur.SHOULD);
            query.Add(Constant(Term("minor", code / 100), _boosts.MinorGroup), Occur.SHOULD);
            first = false;
        }
        foreach (var (minor, grade) in Graded(talent).Distinct())
            query.Add(Constant(new TermQuery(new Term("mg", $"{minor}:{grade}")), _boosts.ExactGrade), Occur.SHOULD);
        query.Add(Constant(NumericRangeQuery.NewInt32Range("expmin", 0, Tenths(talent.ExperienceYears), true, true), _boosts.Experience), Occur.SHOULD);
        // The posting's stated weight of each skill the seeker lists, through its payload.
        foreach (var s in talent.Skills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct())
            query.Add(new PayloadTermQuery(new Term("skill", s), new MaxPayloadFunction(), includeSpanScore: false), Occur.SHOULD);
        query.Add(TextQuery(TalentText(talent, withResume: false), _boosts.Text), Occur.SHOULD);
        return Search(_jobSearcher!, query, JobFilter(talent, today), top);
    }

    /// <summary>Every active seeker the baseline's hard filters let through for a job (to compare with the engine's).</summary>
    public IReadOnlyList<string> CandidateTalent(JobPosting job) =>
        Search(_talentSearcher!, new MatchAllDocsQuery(), TalentFilter(job), Math.Max(1, _talentReader!.MaxDoc));

    /// <summary>Every open job the baseline's hard filters let through for a seeker.</summary>
    public IReadOnlyList<string> CandidateJobs(TalentProfile talent, DateOnly today) =>
        Search(_jobSearcher!, new MatchAllDocsQuery(), JobFilter(talent, today), Math.Max(1, _jobReader!.MaxDoc));

    /// <summary>The engine's hard filters for a job's candidates, from cached filters: active, reaches the job's city, education, certificates, grade.</summary>
    private BooleanFilter TalentFilter(JobPosting job)
    {
        var filter = new BooleanFilter
        {
            new FilterClause(Cached("active:1", () => new TermQuery(new Term("active", "1"))), Occur.MUST),
        };
        var city = _taxonomy.CityOf(job.CityCode).ToString(CultureInfo.InvariantCulture);
        filter.Add(new FilterClause(Cached("reach:" + city, () => new TermQuery(new Term("reach", city))), Occur.MUST));
        if (job.EducationMin is { } edu)
            filter.Add(new FilterClause(Cached($"edu>={(int)edu}", () => NumericRangeQuery.NewInt32Range("edu", (int)edu, int.MaxValue, true, true)), Occur.MUST));
        foreach (var c in job.RequiredCertificates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()))
            filter.Add(new FilterClause(Cached("cert:" + c, () => new TermQuery(new Term("cert", c))), Occur.MUST));
        if (job.MinGrade is { } required && SkillGrade.IsValid(required))
        {
            // The best grade held in the job's minor group (in any occupation when the job has none) meets the requirement.
            var prefix = MinorOrAny(JobOccupation(job));
            filter.Add(new FilterClause(Cached($"mg:{prefix}<={required}", () =>
            {
                var grades = new BooleanQuery();
                for (var g = 1; g <= required; g++) grades.Add(new TermQuery(new Term("mg", $"{prefix}:{g}")), Occur.SHOULD);
                return grades;
            }), Occur.MUST));
        }
        return filter;
    }

    /// <summary>The engine's hard filters for a seeker's jobs: open, unexpired, in a city the seeker reaches, education, certificates held, grade.</summary>
    private BooleanFilter JobFilter(TalentProfile talent, DateOnly today)
    {
        var level = talent.Education?.Level is { } l ? (int)l : 0;
        var filter = new BooleanFilter
        {
            new FilterClause(Cached("status:open", () => new TermQuery(new Term("status", "open"))), Occur.MUST),
            new FilterClause(Cached($"expires>={today.DayNumber}", () => NumericRangeQuery.NewInt32Range("expires", today.DayNumber, int.MaxValue, true, true)), Occur.MUST),
            new FilterClause(Cached($"edumin<={level}", () => NumericRangeQuery.NewInt32Range("edumin", 0, level, true, true)), Occur.MUST),
        };
        var cities = new BooleanFilter();
        foreach (var city in Reach(talent).Select(c => c.ToString(CultureInfo.InvariantCulture)))
            cities.Add(new FilterClause(Cached("city:" + city, () => new TermQuery(new Term("city", city))), Occur.SHOULD));
        filter.Add(new FilterClause(cities, Occur.MUST));
        var held = new HashSet<string>(talent.Certificates.Select(c => c.Trim()), StringComparer.Ordinal);
        foreach (var c in _certificates)
            if (!held.Contains(c)) filter.Add(new FilterClause(Cached("reqcert:" + c, () => new TermQuery(new Term("reqcert", c))), Occur.MUST_NOT));

        // Grade: no requirement, or a grade held in the job's minor group meets it (best grade overall for jobs without a code).
        var grade = new BooleanFilter
        {
            new FilterClause(Cached("mingrade=0", () => NumericRangeQuery.NewInt32Range("mingrade", 0, 0, true, true)), Occur.SHOULD),
        };
        var graded = Graded(talent).ToList();
        foreach (var (minor, g) in graded.GroupBy(x => x.Minor).Select(x => (x.Key, x.Min(y => y.Grade))))
            grade.Add(new FilterClause(Cached($"minor:{minor}&mingrade>={g}", () => new BooleanQuery
            {
                { new TermQuery(new Term("minor", minor.ToString(CultureInfo.InvariantCulture))), Occur.MUST },
                { NumericRangeQuery.NewInt32Range("mingrade", g, 5, true, true), Occur.MUST },
            }), Occur.SHOULD));
        if (graded.Count > 0)
        {
            var best = graded.Min(x => x.Grade);
            grade.Add(new FilterClause(Cached($"minor:none&mingrade>={best}", () => new BooleanQuery
            {
                { new TermQuery(new Term("minor", "none")), Occur.MUST },
                { NumericRangeQuery.NewInt32Range("mingrade", best, 5, true, true), Occur.MUST },
            }), Occur.SHOULD));
        }
        filter.Add(new FilterClause(grade, Occur.MUST));
        return filter;
    }

    /// <summary>One filter per distinct condition, its matching documents cached per segment after the first use.</summary>
    private Filter Cached(string key, Func<Query> query) =>
        _filters.GetOrAdd(key, _ => new CachingWrapperFilter(new QueryWrapperFilter(query())));

    private static List<string> Search(IndexSearcher searcher, Query query, Filter filter, int top)
    {
        var hits = searcher.Search(query, filter, top);
        var ids = new List<string>(hits.ScoreDocs.Length);
        foreach (var hit in hits.ScoreDocs) ids.Add(searcher.Doc(hit.Doc).Get("id", CultureInfo.InvariantCulture));
        return ids;
    }

    private static ConstantScoreQuery Constant(Query query, float boost) => new(query) { Boost = boost };

    private static TermQuery Term(string field, int value) => new(new Term(field, value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The query text's bigrams, each an optional clause scored by BM25.</summary>
    private BooleanQuery TextQuery(string text, float boost)
    {
        var query = new BooleanQuery { Boost = boost };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = _analyzer.GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var t = term.ToString();
            if (seen.Add(t) && query.Clauses.Count < BooleanQuery.MaxClauseCount) query.Add(new TermQuery(new Term("text", t)), Occur.SHOULD);
        }
        stream.End();
        return query;
    }

    // ---------------------------------------------------------------- shared with the engine's semantics

    private static string MinorOrAny(int occupation) => occupation != 0 ? (occupation / 100).ToString(CultureInfo.InvariantCulture) : "any";

    private static int Tenths(double years) => (int)Math.Round(Math.Max(0, years) * 10);

    private int JobOccupation(JobPosting j) =>
        OccupationInt.Parse(j.OccupationCode) is var code and not 0 ? code : _taxonomy.OccupationForTitle(j.Title);

    /// <summary>The occupations a profile holds, else those its desired titles name (as the engine places it).</summary>
    private IEnumerable<int> TalentOccupations(TalentProfile t)
    {
        var held = t.Occupations.Select(o => OccupationInt.Parse(o.Code)).Where(c => c != 0).ToList();
        return held.Count > 0 ? held : t.DesiredTitles.Select(title => _taxonomy.OccupationForTitle(title)).Where(c => c != 0);
    }

    /// <summary>A posting's skills with weights summing to 1 (missing weights share equally), as the engine reads them.</summary>
    private static List<(string Name, double Weight)> StatedSkills(JobPosting j)
    {
        var stated = j.Skills.Where(s => !string.IsNullOrWhiteSpace(s.Name)).ToList();
        var total = stated.Sum(s => s.Weight > 0 ? s.Weight : 0);
        var fallback = total > 0 ? total / stated.Count : 1.0;
        var sum = stated.Sum(s => s.Weight > 0 ? s.Weight : fallback);
        return stated.GroupBy(s => s.Name.Trim(), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(s => s.Weight > 0 ? s.Weight : fallback) / sum)).ToList();
    }

    private static string SkillPayloads(JobPosting j) =>
        string.Join('\n', StatedSkills(j).Select(s => s.Name.Replace('|', ' ').Replace('\n', ' ') + "|" + s.Weight.ToString("0.####", CultureInfo.InvariantCulture)));

    private IEnumerable<int> Reach(TalentProfile t)
    {
        var reach = new List<int>();
        var home = _taxonomy.CityOf(t.CityCode);
        if (home != 0) reach.Add(home);
        foreach (var w in t.WillingCities) _taxonomy.AddReach(w, reach);
        return reach.Distinct();
    }

    private static IEnumerable<(int Minor, int Grade)> Graded(TalentProfile t) =>
        t.Occupations.Select(o => (Code: OccupationInt.Parse(o.Code), o.Grade))
            .Where(o => o.Code != 0 && o.Grade is { } g && SkillGrade.IsValid(g))
            .Select(o => (o.Code / 100, o.Grade!.Value));

    private string JobText(JobPosting j, int occupation, bool withDescription) =>
        string.Join(' ', new[] { j.Title, _taxonomy.OccupationName(occupation) ?? "" }
            .Concat(j.Skills.Select(s => s.Name))
            .Concat(withDescription ? [j.Description] : []));

    private string TalentText(TalentProfile t, bool withResume) =>
        string.Join(' ', t.DesiredTitles
            .Concat(t.Occupations.Select(o => _taxonomy.OccupationName(OccupationInt.Parse(o.Code)) ?? ""))
            .Concat(t.Skills)
            .Concat(withResume ? [t.ResumeText] : []));

    public void Dispose()
    {
        _jobReader?.Dispose();
        _talentReader?.Dispose();
        _jobDir.Dispose();
        _talentDir.Dispose();
        _analyzer.Dispose();
        if (_ownsPath)
        {
            try { System.IO.Directory.Delete(_path, recursive: true); }
            catch (IOException) { /* a mapped file still open on some systems: the temporary folder is left behind */ }
        }
    }
}
