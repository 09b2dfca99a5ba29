namespace Gongjiang.Core.Taxonomy;

/// <summary>A Chinese administrative division (行政区划): province (depth 1), city (2), district or county (3).</summary>
public sealed record Region(string Code, string Name, string? ParentCode, int Depth, string ShortName, string FullName, string Pinyin)
{
    /// <summary>The prefecture-level city that contains this region (itself for a city).</summary>
    public string CityCode => Depth switch { 3 when ParentCode is not null => ParentCode, _ => Code };
}
