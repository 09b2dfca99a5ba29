using System.Globalization;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Core.Talent;
using Gongjiang.Matching.Engine;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Gongjiang.Benchmarking;

/// <summary>
/// The benchmark's baseline: BM25 over CJK bigrams of the same postings and profiles (title, occupation names,
/// skills, description or résumé), with the engine's hard filters expressed as Lucene filters on indexed fields.
/// Held in RAM like the engine.
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly TaxonomyLookup _taxonomy;
    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly RAMDirectory _jobDir = new(), _talentDir = new();
    private readonly SortedSet<string> _certificates = new(StringComparer.Ordinal);
    private DirectoryReader? _jobReader, _talentReader;
    private IndexSearcher? _jobSearcher, _talentSearcher;

    public LuceneBaseline(TaxonomyCatalog catalog) => _taxonomy = new TaxonomyLookup(catalog);

    public void Build(IEnumerable<JobPosting> jobs, IEnumerable<TalentProfile> talent)
    {
        using (var writer = Writer(_jobDir))
        {
            foreach (var j in jobs) writer.AddDocument(JobDocument(j));
            writer.Commit();
        }
        using (var writer = Writer(_talentDir))
        {
            foreach (var t in talent) writer.AddDocument(TalentDocument(t));
            writer.Commit();
        }
        _jobReader = DirectoryReader.Open(_jobDir);
        _talentReader = DirectoryReader.Open(_talentDir);
        _jobSearcher = new IndexSearcher(_jobReader) { Similarity = new BM25Similarity() };
        _talentSearcher = new IndexSearcher(_talentReader) { Similarity = new BM25Similarity() };
    }

    private IndexWriter Writer(Lucene.Net.Store.Directory dir) =>
        new(dir, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 });

    // ---------------------------------------------------------------- documents

    private Document JobDocument(JobPosting j)
    {
        var occupation = JobOccupation(j);
        var doc = new Document
        {
            new StringField("id", j.Id, Field.Store.YES),
            new StringField("status", j.Status == JobStatus.Open ? "open" : "other", Field.Store.NO),
            new Int32Field("expires", j.ExpiresAt?.DayNumber ?? int.MaxValue, Field.Store.NO),
            new StringField("city", _taxonomy.CityOf(j.CityCode).ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new StringField("minor", occupation != 0 ? (occupation / 100).ToString(CultureInfo.InvariantCulture) : "none", Field.Store.NO),
            new Int32Field("mingrade", j.MinGrade is { } g && SkillGrade.IsValid(g) ? g : 0, Field.Store.NO),
            new Int32Field("edumin", j.EducationMin is { } e ? (int)e : 0, Field.Store.NO),
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
            new TextField("text", TalentText(t, withResume: true), Field.Store.NO),
        };
        foreach (var city in Reach(t)) doc.Add(new StringField("reach", city.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        foreach (var c in t.Certificates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct())
            doc.Add(new StringField("cert", c, Field.Store.NO));
        foreach (var (minor, grade) in Graded(t))
        {
            doc.Add(new StringField("mg", $"{minor}:{grade}", Field.Store.NO));
            doc.Add(new StringField("mg", $"any:{grade}", Field.Store.NO));
        }
        return doc;
    }

    // ---------------------------------------------------------------- queries

    /// <summary>Ids of the best <paramref name="top"/> active talent for a job, under the engine's hard filters.</summary>
    public IReadOnlyList<string> TalentForJob(JobPosting job, int top)
    {
        var filter = new BooleanQuery
        {
            { new TermQuery(new Term("active", "1")), Occur.MUST },
            { new TermQuery(new Term("reach", _taxonomy.CityOf(job.CityCode).ToString(CultureInfo.InvariantCulture))), Occur.MUST },
        };
        if (job.EducationMin is { } edu) filter.Add(NumericRangeQuery.NewInt32Range("edu", (int)edu, int.MaxValue, true, true), Occur.MUST);
        foreach (var c in job.RequiredCertificates.Where(c => !string.IsNullOrWhiteSpace(c)))
            filter.Add(new TermQuery(new Term("cert", c.Trim())), Occur.MUST);
        if (job.MinGrade is { } required && SkillGrade.IsValid(required))
        {
            // The best grade held in the job's minor group (in any occupation when the job has none) meets the requirement.
            var occupation = JobOccupation(job);
            var prefix = occupation != 0 ? (occupation / 100).ToString(CultureInfo.InvariantCulture) : "any";
            var grades = new BooleanQuery();
            for (var g = 1; g <= required; g++) grades.Add(new TermQuery(new Term("mg", $"{prefix}:{g}")), Occur.SHOULD);
            filter.Add(grades, Occur.MUST);
        }
        return Search(_talentSearcher!, TextQuery(JobText(job, JobOccupation(job), withDescription: false)), filter, top);
    }

    /// <summary>Ids of the best <paramref name="top"/> open jobs for a seeker, under the engine's hard filters.</summary>
    public IReadOnlyList<string> JobsForTalent(TalentProfile talent, int top, DateOnly today)
    {
        var filter = new BooleanQuery
        {
            { new TermQuery(new Term("status", "open")), Occur.MUST },
            { NumericRangeQuery.NewInt32Range("expires", today.DayNumber, int.MaxValue, true, true), Occur.MUST },
            { NumericRangeQuery.NewInt32Range("edumin", 0, talent.Education?.Level is { } level ? (int)level : 0, true, true), Occur.MUST },
        };
        var cities = new BooleanQuery();
        foreach (var city in Reach(talent)) cities.Add(new TermQuery(new Term("city", city.ToString(CultureInfo.InvariantCulture))), Occur.SHOULD);
        filter.Add(cities, Occur.MUST);
        var held = new HashSet<string>(talent.Certificates.Select(c => c.Trim()), StringComparer.Ordinal);
        foreach (var c in _certificates) if (!held.Contains(c)) filter.Add(new TermQuery(new Term("reqcert", c)), Occur.MUST_NOT);

        // Grade: no requirement, or a grade held in the job's minor group meets it (best grade overall for jobs without a code).
        var grade = new BooleanQuery { { NumericRangeQuery.NewInt32Range("mingrade", 0, 0, true, true), Occur.SHOULD } };
        var graded = Graded(talent).ToList();
        foreach (var (minor, g) in graded.GroupBy(x => x.Minor).Select(x => (x.Key, x.Min(y => y.Grade))))
            grade.Add(new BooleanQuery
            {
                { new TermQuery(new Term("minor", minor.ToString(CultureInfo.InvariantCulture))), Occur.MUST },
                { NumericRangeQuery.NewInt32Range("mingrade", g, 5, true, true), Occur.MUST },
            }, Occur.SHOULD);
        if (graded.Count > 0)
            grade.Add(new BooleanQuery
            {
                { new TermQuery(new Term("minor", "none")), Occur.MUST },
                { NumericRangeQuery.NewInt32Range("mingrade", graded.Min(x => x.Grade), 5, true, true), Occur.MUST },
            }, Occur.SHOULD);
        filter.Add(grade, Occur.MUST);

        return Search(_jobSearcher!, TextQuery(TalentText(talent, withResume: false)), filter, top);
    }

    private static List<string> Search(IndexSearcher searcher, Query query, Query filter, int top)
    {
        var hits = searcher.Search(query, new QueryWrapperFilter(filter), top);
        var ids = new List<string>(hits.ScoreDocs.Length);
        foreach (var hit in hits.ScoreDocs) ids.Add(searcher.Doc(hit.Doc).Get("id", CultureInfo.InvariantCulture));
        return ids;
    }

    /// <summary>The query text's bigrams, each an optional clause scored by BM25.</summary>
    private BooleanQuery TextQuery(string text)
    {
        var query = new BooleanQuery();
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

    private int JobOccupation(JobPosting j) =>
        OccupationInt.Parse(j.OccupationCode) is var code and not 0 ? code : _taxonomy.OccupationForTitle(j.Title);

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
    }
}
