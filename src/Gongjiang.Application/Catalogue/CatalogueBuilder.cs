using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// Builds the shortage catalogue of a quarter (docs/shortage-catalogue.md): the measures come from the database
/// (<see cref="CatalogueMeasures"/>), the index, bands and ranks from <see cref="ShortageIndex"/>, the previous rank
/// from the previous quarter's catalogue built the same way.
/// </summary>
public sealed class CatalogueBuilder(AppDbContext db, CatalogueMeasures measures, SurveyDemand surveys, TaxonomyCatalog catalog)
{
    public async Task<CatalogueMethod> MethodAsync(CancellationToken ct)
    {
        var json = await db.SystemSettings.Where(s => s.Key == CatalogueMethod.SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return CatalogueMethod.FromJson(json) ?? CatalogueMethod.Default;
    }

    public Task<ShortageCatalogue> BuildAsync(Quarter quarter, RegionLevel region, OccupationLevel level, string? cluster,
        CatalogueMethod method, CancellationToken ct) =>
        BuildAsync(quarter, region, level, cluster, method, withPrevious: true, ct);

    /// <summary>
    /// The catalogue with or without what only the published listing needs (previous ranks, the bootstrap interval,
    /// education and experience): trends over quarters need the measures, index and rank alone.
    /// </summary>
    public async Task<ShortageCatalogue> BuildAsync(Quarter quarter, RegionLevel region, OccupationLevel level, string? cluster,
        CatalogueMethod method, bool withPrevious, CancellationToken ct)
    {
        var byCity = await measures.ByCityAsync(quarter, level, cluster, ct);
        var surveyed = await surveys.NeedsAsync(quarter, cluster, ct);
        foreach (var need in surveyed)
        {
            var key = new CellKey(OccupationAt(level, need.Occupation), CityOfCode(need.City));
            if (!byCity.TryGetValue(key, out var cell)) byCity[key] = cell = new AdditiveMeasures();
            cell.SurveyDemand += need.Demand * method.SurveyWeight;
        }
        var cells = new Dictionary<CellKey, AdditiveMeasures>();
        foreach (var (key, m) in byCity)
        {
            var regionKey = new CellKey(key.Occupation, CatalogueMeasures.RegionOfCity(region, key.Region));
            if (!cells.TryGetValue(regionKey, out var sum)) cells[regionKey] = sum = new AdditiveMeasures();
            sum.Add(m);
        }

        var salary = await measures.SalaryMedianAsync(quarter, level, region, cluster, ct);
        var salaryBefore = await measures.SalaryMedianAsync(quarter.Previous, level, region, cluster, ct);
        var days = await measures.DaysToFillMedianAsync(quarter, level, region, cluster, ct);

        Dictionary<CellKey, Dictionary<string, long>> education = [];
        Dictionary<CellKey, double> experience = [];
        Dictionary<CellKey, RatioBootstrap.Interval> intervals = [];
        Dictionary<CellKey, int> previousRanks = [];
        if (withPrevious)
        {
            education = await measures.EducationAsync(quarter, level, region, cluster, ct);
            experience = await measures.ExperienceMedianAsync(quarter, level, region, cluster, ct);
            var employerDemand = (await measures.DemandByEmployerAsync(quarter, level, region, cluster, ct))
                .Select(x => (x.Cell, x.Employer, (double)x.Demand))
                .Concat(surveyed.Select(n => (new CellKey(OccupationAt(level, n.Occupation), CatalogueMeasures.RegionOfCity(region, CityOfCode(n.City))),
                    n.Employer, n.Demand * method.SurveyWeight)));
            intervals = RatioBootstrap.Intervals(employerDemand, cells.ToDictionary(c => c.Key, c => c.Value.Supply), method.BootstrapReplicates, method.BootstrapSeed);
            var previous = await BuildAsync(quarter.Previous, region, level, cluster, method, withPrevious: false, ct);
            previousRanks = previous.Listings.ToDictionary(l => new CellKey(l.OccupationCode, l.Region), l => l.Rank);
        }

        var typicalCities = TypicalCities(byCity, region);
        var listings = new List<CatalogueListing>();
        foreach (var group in cells.Where(c => c.Value.PostedDemand + c.Value.SurveyDemand > 0 || c.Value.Supply > 0).GroupBy(c => c.Key.Region))
        {
            var rows = group.Select(c =>
            {
                var m = c.Value;
                var demand = m.PostedDemand + m.SurveyDemand;
                double? ratio = m.Supply == 0 ? null : Math.Round(demand / m.Supply, 2, MidpointRounding.AwayFromZero);
                double? pay = salary.TryGetValue(c.Key, out var s) ? s : null;
                double? change = pay is { } now && salaryBefore.TryGetValue(c.Key, out var before) && before > 0
                    ? Math.Round(now / before - 1, 3, MidpointRounding.AwayFromZero) : null;
                double? daysToFill = days.TryGetValue(c.Key, out var d) ? d : null;
                return (c.Key, m, demand, ratio, pay, change, daysToFill);
            }).ToList();
            var scored = ShortageIndex.Score(rows.Select(r => new ShortageIndex.Indicators(r.demand, r.m.Supply, r.daysToFill, r.change)
            {
                PublishedRatio = r.ratio,
            }).ToList(), method);
            var ordered = rows.Zip(scored).OrderByDescending(x => x.Second.Index).ThenByDescending(x => x.First.demand - x.First.m.Supply)
                .ThenBy(x => x.First.Key.Occupation, StringComparer.Ordinal).ToList();
            var rank = 0;
            foreach (var ((key, m, demand, ratio, pay, change, daysToFill), score) in ordered)
            {
                rank++;
                var occupation = catalog.FindOccupation(key.Occupation);
                listings.Add(new CatalogueListing(quarter.ToString(), rank, key.Occupation, occupation?.Name ?? key.Occupation, key.Region,
                    demand, m.Supply, ratio, demand - m.Supply, daysToFill,
                    demand > 0 ? Math.Round(m.Hires / demand, 3, MidpointRounding.AwayFromZero) : null,
                    pay, change, score.Index, score.Band, previousRanks.TryGetValue(key, out var p) ? p : null,
                    typicalCities.TryGetValue(key, out var cities) ? cities : [])
                {
                    SurveyDemand = m.SurveyDemand,
                    RatioInterval = intervals.TryGetValue(key, out var interval) ? interval : null,
                    ApplicationsPerOpening = demand > 0 ? Math.Round(m.Applications / demand, 2, MidpointRounding.AwayFromZero) : null,
                    TypicalEducation = education.TryGetValue(key, out var levels) && levels.Count > 0
                        ? EducationFileName(levels.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key) : null,
                    MedianExperienceYears = experience.TryGetValue(key, out var years) ? years : null,
                    Postings = m.Postings,
                    Definition = occupation?.Definition ?? "",
                });
            }
        }
        listings.Sort((a, b) => string.CompareOrdinal(a.Region, b.Region) is var c && c != 0 ? c : a.Rank.CompareTo(b.Rank));
        return new ShortageCatalogue(quarter, region, level, cluster, method, listings);
    }

    /// <summary>The same rules as <see cref="CatalogueMeasures.OccupationOf"/> and <see cref="CatalogueMeasures.CityOf"/>, for rows read into memory.</summary>
    private static string OccupationAt(OccupationLevel level, string code) => level switch
    {
        OccupationLevel.Minor => code[..7] + "-00",
        OccupationLevel.Middle => code[..4] + "-00-00",
        _ => code,
    };

    private static string CityOfCode(string code) =>
        code[..2] is "11" or "12" or "31" or "50" ? code[..2] + "0000" : code[..4] + "00";

    private static string EducationFileName(string stored) =>
        Enum.TryParse<EducationLevel>(stored, out var level) ? EducationLevels.ToFileName(level) : "";

    /// <summary>Up to three cities of each listing's region with demand there, largest gap first (ties: code).</summary>
    private static Dictionary<CellKey, IReadOnlyList<string>> TypicalCities(Dictionary<CellKey, AdditiveMeasures> byCity, RegionLevel region) =>
        byCity.Where(c => c.Value.PostedDemand + c.Value.SurveyDemand > 0)
            .GroupBy(c => new CellKey(c.Key.Occupation, CatalogueMeasures.RegionOfCity(region, c.Key.Region)))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g
                .OrderByDescending(c => c.Value.PostedDemand + c.Value.SurveyDemand - c.Value.Supply)
                .ThenBy(c => c.Key.Region, StringComparer.Ordinal)
                .Take(3).Select(c => c.Key.Region).ToList());
}
