using System.Globalization;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Catalogue;

/// <summary>A major whose graduates the shortage occupations want, through the official major → occupation links.</summary>
public sealed record ScarceMajor(string MajorCode, string MajorName, string MajorLevel, double Gap, IReadOnlyList<string> Occupations);

/// <summary>A skill item of a national standard that postings of a shortage occupation ask for, by openings.</summary>
public sealed record ScarceSkill(string OccupationCode, string OccupationName, string Skill, double Demand);

/// <summary>One row of the ministry's latest list beside the zone's: the zone's rank of the same occupation, if listed in shortage.</summary>
public sealed record NationalRow(int Rank, string Occupation, string? OccupationCode, int? ZoneRank);

public sealed record NationalComparison(string Quarter, IReadOnlyList<NationalRow> Rows)
{
    public int Shared => Rows.Count(r => r.ZoneRank is not null);
}

/// <summary>The rankings derived from a zone catalogue: scarce majors, scarce skill items, the ministry's list beside the zone's.</summary>
public static class CatalogueRankings
{
    /// <summary>
    /// Majors linked to listings in shortage (紧缺 or 非常紧缺), scored by the sum of those listings' gaps; a major's
    /// levels (专科, 本科 …) are one row per major code and level.
    /// </summary>
    public static IReadOnlyList<ScarceMajor> Majors(ShortageCatalogue catalogue, TaxonomyCatalog taxonomy, int top)
    {
        var scores = new Dictionary<(string Code, string Name, string Level), (double Gap, List<string> Occupations)>();
        foreach (var listing in catalogue.Listings.Where(l => l.Band != ShortageBand.General))
            foreach (var link in LinksOf(listing.OccupationCode, taxonomy))
            {
                var key = (link.MajorCode, link.MajorName, link.MajorLevel);
                var entry = scores.TryGetValue(key, out var e) ? e : (0, new List<string>());
                if (!entry.Item2.Contains(listing.OccupationName)) entry.Item2.Add(listing.OccupationName);
                scores[key] = (entry.Item1 + listing.Gap, entry.Item2);
            }
        return scores.OrderByDescending(s => s.Value.Gap).ThenBy(s => s.Key.Code, StringComparer.Ordinal).Take(top)
            .Select(s => new ScarceMajor(s.Key.Code, s.Key.Name, s.Key.Level, s.Value.Gap, s.Value.Occupations)).ToList();
    }

    private static IEnumerable<MajorOccupationLink> LinksOf(string code, TaxonomyCatalog taxonomy)
    {
        // A group listing (6-18-02-00) takes the links of its occupations.
        var prefix = code.EndsWith("-00-00", StringComparison.Ordinal) ? code[..5] : code.EndsWith("-00", StringComparison.Ordinal) ? code[..8] : null;
        if (prefix is null) return taxonomy.MajorLinksByOccupation.TryGetValue(code, out var links) ? links : [];
        return taxonomy.MajorLinks.Where(l => l.OccupationCode.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>Skill items of the occupations' national standards that shortage postings ask for, most openings first.</summary>
    public static IReadOnlyList<ScarceSkill> Skills(ShortageCatalogue catalogue, IEnumerable<(string Occupation, string Skill, long Demand)> skillDemand,
        TaxonomyCatalog taxonomy, int top)
    {
        var shortage = catalogue.Listings.Where(l => l.Band != ShortageBand.General).Select(l => l.OccupationCode).ToHashSet(StringComparer.Ordinal);
        return skillDemand
            .Where(s => shortage.Contains(s.Occupation) && taxonomy.SkillItemsByOccupation.TryGetValue(s.Occupation, out var items)
                && items.Any(i => string.Equals(i.Name, s.Skill, StringComparison.Ordinal)))
            .OrderByDescending(s => s.Demand).ThenBy(s => s.Occupation, StringComparer.Ordinal).ThenBy(s => s.Skill, StringComparer.Ordinal).Take(top)
            .Select(s => new ScarceSkill(s.Occupation, taxonomy.FindOccupation(s.Occupation)?.Name ?? s.Occupation, s.Skill, s.Demand)).ToList();
    }

    /// <summary>The ministry's latest published list with, for each occupation, its rank in the zone's shortage listings.</summary>
    public static NationalComparison National(ShortageCatalogue catalogue, TaxonomyCatalog taxonomy)
    {
        var lists = NationalShortageLists.Load(taxonomy);
        var latest = lists.Select(r => r.Quarter).Max(StringComparer.Ordinal) ?? "";
        var zoneRanks = catalogue.Listings.Where(l => l.Band != ShortageBand.General)
            .GroupBy(l => l.OccupationCode).ToDictionary(g => g.Key, g => g.Min(l => l.Rank), StringComparer.Ordinal);
        return new NationalComparison(latest, lists.Where(r => r.Quarter == latest).OrderBy(r => r.Rank)
            .Select(r => new NationalRow(r.Rank, r.Occupation, r.Code, r.Code is not null && zoneRanks.TryGetValue(r.Code, out var z) ? z : null)).ToList());
    }
}

/// <summary>The ministry's published 最缺工 lists (Catalogue/Data/national-shortage-lists.csv), matched to codes by name.</summary>
public static class NationalShortageLists
{
    public sealed record Row(string Quarter, int Rank, string Occupation, string? Code);

    private static IReadOnlyList<Row>? _rows;

    public static IReadOnlyList<Row> Load(TaxonomyCatalog taxonomy)
    {
        if (_rows is not null) return _rows;
        using var stream = typeof(NationalShortageLists).Assembly.GetManifestResourceStream("Gongjiang.Catalogue.national-shortage-lists.csv")!;
        using var reader = new StreamReader(stream);
        var byName = taxonomy.Occupations.Where(o => o.Level == 4).GroupBy(o => o.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);
        var rows = new List<Row>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            if (f.Length < 3) continue;
            rows.Add(new Row(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], byName.GetValueOrDefault(f[2])));
        }
        return _rows = rows;
    }
}
