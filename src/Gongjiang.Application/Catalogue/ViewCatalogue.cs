using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// The public catalogue page (急需紧缺人才目录): a quarter's listings for a region level, industry cluster and occupation
/// group, with the rankings derived from them, the trend of the leading occupations over four quarters and the
/// catalogue by city. Without a period it shows the current quarter (China time).
/// </summary>
public static class ViewCatalogue
{
    public sealed record Query(string? Period = null, string? Region = null, string? Cluster = null, string? Group = null, int Top = 20)
        : IUseCase<View>;

    public sealed record TrendPoint(string Period, double? Ratio, double Index);

    public sealed record Trend(string OccupationCode, string OccupationName, IReadOnlyList<TrendPoint> Points);

    public sealed record CityTotal(string City, string Name, double Demand, long Supply, int InShortage);

    public sealed record GroupOption(string Code, string Name);

    public sealed record View(ShortageCatalogue Catalogue, IReadOnlyList<CatalogueListing> Listings, IReadOnlyList<string> Periods,
        IReadOnlyList<string> Clusters, IReadOnlyList<GroupOption> Groups, string? Group, IReadOnlyList<ScarceMajor> Majors,
        IReadOnlyList<ScarceSkill> Skills, NationalComparison National, IReadOnlyList<Trend> Trends, IReadOnlyList<CityTotal> Cities);

    public sealed class Handler(AppDbContext db, CatalogueBuilder builder, CatalogueMeasures measures, TaxonomyCatalog taxonomy, TimeProvider clock)
        : IUseCaseHandler<Query, View>
    {
        public async Task<Result<View>> HandleAsync(Query query, CancellationToken ct)
        {
            var current = Quarter.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8)));
            var errors = new ErrorList();
            var quarter = current;
            if (!string.IsNullOrWhiteSpace(query.Period) && !Quarter.TryParse(query.Period, out quarter)) errors.Add("period", CatalogueErrors.BadPeriod, query.Period);
            if (!ShortageCatalogue.TryParseRegion(query.Region, out var region)) errors.Add("region", CatalogueErrors.BadRegion, query.Region ?? "");
            var group = string.IsNullOrWhiteSpace(query.Group) ? null : query.Group.Trim();
            if (group is not null && taxonomy.FindOccupation(group) is not { Level: 2 }) errors.Add("group", CatalogueErrors.BadGroup, group);
            if (!errors.IsEmpty) return errors;
            var cluster = string.IsNullOrWhiteSpace(query.Cluster) ? null : query.Cluster.Trim();
            var top = Math.Clamp(query.Top, 5, 100);

            var method = await builder.MethodAsync(ct);
            var catalogue = await builder.BuildAsync(quarter, region, OccupationLevel.Occupation, cluster, method, ct);
            var listings = group is null ? catalogue.Listings
                : catalogue.Listings.Where(l => l.OccupationCode.StartsWith(group[..5], StringComparison.Ordinal)).ToList();

            var skillDemand = await measures.SkillDemandAsync(quarter, cluster, ct);
            var leaders = listings.Where(l => l.Band != ShortageBand.General).Take(5).Select(l => (l.OccupationCode, l.Region)).ToList();
            var history = new List<ShortageCatalogue>();
            for (var q = quarter.Previous.Previous.Previous; q != quarter; q = q.Next)
                history.Add(await builder.BuildAsync(q, region, OccupationLevel.Occupation, cluster, method, withPrevious: false, ct));
            history.Add(catalogue);
            var trends = leaders.Select(k => new Trend(k.OccupationCode, taxonomy.FindOccupation(k.OccupationCode)?.Name ?? k.OccupationCode,
                history.Select(c => c.Listings.FirstOrDefault(l => l.OccupationCode == k.OccupationCode && l.Region == k.Region) is { } l
                    ? new TrendPoint(c.Period.ToString(), l.Ratio, l.Index) : new TrendPoint(c.Period.ToString(), null, 0)).ToList())).ToList();

            var byCity = await builder.BuildAsync(quarter, RegionLevel.City, OccupationLevel.Occupation, cluster, method, withPrevious: false, ct);
            var cities = byCity.Listings.GroupBy(l => l.Region)
                .Select(g => new CityTotal(g.Key, taxonomy.RegionDisplayName(g.Key), g.Sum(l => l.Demand), g.Sum(l => l.Supply), g.Count(l => l.Band != ShortageBand.General)))
                .OrderByDescending(c => c.Demand).Take(12).ToList();

            var clusters = await db.Employers.Where(e => e.IndustryCluster != "").Select(e => e.IndustryCluster).Distinct().OrderBy(c => c).ToListAsync(ct);
            var groups = catalogue.Listings.Select(l => l.OccupationCode[..4] + "-00-00").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(c => new GroupOption(c, taxonomy.FindOccupation(c)?.Name ?? c)).ToList();
            var periods = Enumerable.Range(0, 8).Select(i => { var q = current; for (var k = 0; k < i; k++) q = q.Previous; return q.ToString(); }).ToList();

            var shown = catalogue with { Listings = listings };
            return new View(catalogue, listings, periods, clusters, groups, group,
                CatalogueRankings.Majors(shown, taxonomy, top), CatalogueRankings.Skills(shown, skillDemand, taxonomy, top),
                CatalogueRankings.National(shown, taxonomy), trends, cities);
        }
    }
}
