using Gongjiang.Application.Persistence;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Matching;

/// <summary>The funnel of one group of seekers (e.g. women, or ages 35–44).</summary>
public sealed record FairnessRow(string Group, int Seekers, int SeekersRecommended, int Recommendations, int Applied, int Interviewed, int Hired)
{
    /// <summary>Share of the group's active seekers who were recommended at least once.</summary>
    public double RecommendationRate => Seekers == 0 ? 0 : (double)SeekersRecommended / Seekers;
    public double ApplicationRate => Recommendations == 0 ? 0 : (double)Applied / Recommendations;
    public double InterviewRate => Recommendations == 0 ? 0 : (double)Interviewed / Recommendations;
    public double HireRate => Recommendations == 0 ? 0 : (double)Hired / Recommendations;
}

/// <summary>Rows of one protected attribute, and for each rate the lowest group's rate over the highest's (1 = parity).</summary>
public sealed record FairnessDimension(string Name, IReadOnlyList<FairnessRow> Rows)
{
    private IEnumerable<FairnessRow> Known => Rows.Where(r => r.Group != FairnessService.Unknown && r.Recommendations >= FairnessService.MinimumForRatio);
    private double Ratio(Func<FairnessRow, double> rate) =>
        Known.Count() < 2 || Known.Max(rate) == 0 ? 1 : Known.Min(rate) / Known.Max(rate);
    public double RecommendationRatio => Ratio(r => r.RecommendationRate);
    public double ApplicationRatio => Ratio(r => r.ApplicationRate);
    public double InterviewRatio => Ratio(r => r.InterviewRate);
    public double HireRatio => Ratio(r => r.HireRate);
}

public sealed record FairnessReport(DateTime? From, DateTime? To, int Outcomes, FairnessDimension Gender, FairnessDimension AgeBand);

/// <summary>
/// Recommendation, application, interview and hire rates by gender and age band, from the recruiting outcomes. This is
/// the one place that reads protected attributes, and only to count: they never reach matching or ranking.
/// </summary>
public sealed class FairnessService(AppDbContext db, TimeProvider clock)
{
    public const string Unknown = "unknown";
    /// <summary>Groups with fewer recommendations are shown but left out of the parity ratios (too noisy).</summary>
    public const int MinimumForRatio = 30;

    public static readonly IReadOnlyList<string> AgeBands = ["16-24", "25-34", "35-44", "45-54", "55+"];

    public static string AgeBand(int? birthYear, int year) => birthYear is not { } b ? Unknown : (year - b) switch
    {
        < 25 => "16-24", < 35 => "25-34", < 45 => "35-44", < 55 => "45-54", _ => "55+",
    };

    public async Task<FairnessReport> ReportAsync(CancellationToken ct = default)
    {
        var people = new Dictionary<string, (string Gender, int? BirthYear, bool Active)>(StringComparer.Ordinal);
        await foreach (var t in db.Talent.AsNoTracking().Select(t => new { t.Id, t.Gender, t.BirthYear, t.IsActive }).AsAsyncEnumerable().WithCancellation(ct))
            people[t.Id] = (t.Gender is "male" or "female" ? t.Gender : Unknown, t.BirthYear, t.IsActive);

        // Per pair: when first shown and how far it got.
        var pairs = new Dictionary<(string Job, string Talent), (DateTime First, bool Applied, bool Interviewed, bool Hired)>();
        DateTime? from = null, to = null;
        var count = 0;
        await foreach (var o in db.Outcomes.AsNoTracking().Select(o => new { o.JobId, o.TalentId, o.Stage, o.At }).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (from is null || o.At < from) from = o.At;
            if (to is null || o.At > to) to = o.At;
            var key = (o.JobId, o.TalentId);
            var p = pairs.TryGetValue(key, out var existing) ? existing : (First: o.At, Applied: false, Interviewed: false, Hired: false);
            if (o.At < p.First) p.First = o.At;
            var label = Gongjiang.Matching.Ranking.OutcomeRelevance.Of(o.Stage);
            p.Applied |= o.Stage == OutcomeStage.Applied || label >= 4;
            p.Interviewed |= label >= 4;
            p.Hired |= o.Stage == OutcomeStage.Hired;
            pairs[key] = p;
        }

        var year = clock.GetUtcNow().Year;
        FairnessDimension Dimension(string name, IEnumerable<string> groups, Func<(string Gender, int? BirthYear, bool Active), DateTime?, string> groupOf)
        {
            var rows = groups.Append(Unknown).ToDictionary(g => g, _ => new int[6]);
            foreach (var (_, person) in people)
                if (person.Active) rows[groupOf(person, null)][0]++;
            var recommended = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ((_, talent), p) in pairs)
            {
                if (!people.TryGetValue(talent, out var person)) continue;
                var row = rows[groupOf(person, p.First)];
                if (recommended.Add(talent) && person.Active) rows[groupOf(person, null)][1]++;
                row[2]++;
                if (p.Applied) row[3]++;
                if (p.Interviewed) row[4]++;
                if (p.Hired) row[5]++;
            }
            return new FairnessDimension(name, rows.Where(r => r.Key != Unknown || r.Value.Any(v => v > 0))
                .Select(r => new FairnessRow(r.Key, r.Value[0], r.Value[1], r.Value[2], r.Value[3], r.Value[4], r.Value[5])).ToList());
        }

        var gender = Dimension("gender", ["male", "female"], (p, _) => p.Gender);
        // Pairs by the age when first shown the job; seekers (and whether they were ever recommended) by their age today.
        var age = Dimension("age", AgeBands, (p, at) => AgeBand(p.BirthYear, at?.Year ?? year));
        return new FairnessReport(from, to, count, gender, age);
    }
}
