namespace Gongjiang.Core.Taxonomy;

/// <summary>Looks occupations up by code prefix, name or alias, for the taxonomy browser and pickers.</summary>
public static class OccupationSearch
{
    public static IReadOnlyList<Occupation> Find(TaxonomyCatalog catalog, string? query, int limit)
    {
        query = query?.Trim();
        if (string.IsNullOrEmpty(query)) return catalog.Occupations.Where(o => o.Level == 1).Take(limit).ToList();
        if (char.IsAsciiDigit(query[0]))
            return catalog.Occupations.Where(o => o.Code.StartsWith(query, StringComparison.Ordinal)).OrderBy(o => o.Code).Take(limit).ToList();
        return catalog.Occupations
            .Select(o => (o, rank: o.Name == query ? 0 : o.Aliases.Contains(query) ? 1 : o.Name.Contains(query, StringComparison.Ordinal) ? 2
                : o.Aliases.Any(a => a.Contains(query, StringComparison.Ordinal)) ? 3 : 9))
            .Where(x => x.rank < 9)
            .OrderBy(x => x.rank).ThenByDescending(x => x.o.Level).ThenBy(x => x.o.Code)
            .Take(limit).Select(x => x.o).ToList();
    }
}
