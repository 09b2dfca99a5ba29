using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Taxonomy;

/// <summary>What a seeker or HR typed into an occupation or major field, read as a code.</summary>
public static class TypedNames
{
    /// <summary>
    /// A code, an occupation's exact name or alias, or an everyday name read surely (电焊工 → 焊工), by
    /// <see cref="OccupationNames.CodeOf"/>; anything else is returned as typed (and fails validation).
    /// </summary>
    public static string Occupation(TaxonomyCatalog catalog, string text) => OccupationNames.For(catalog).CodeOf(text);

    /// <summary>A major code, or a major's exact name.</summary>
    public static string Major(TaxonomyCatalog catalog, string text)
    {
        text = text.Trim();
        if (catalog.MajorsByCode.ContainsKey(text) || text.Length == 0 || char.IsAsciiDigit(text[0])) return text;
        return catalog.MajorsByCode.Values.Where(m => m.Name == text).OrderBy(m => m.Code, StringComparer.Ordinal).FirstOrDefault()?.Code ?? text;
    }
}
