namespace Gongjiang.Core.Taxonomy;

/// <summary>An education major (专业) from the MOE catalogues.</summary>
public sealed record Major(string Id, string Code, string Name, string Level, string LevelName, string Category, string Catalog);

/// <summary>An official major → occupation link from a MOE teaching standard's 职业面向.</summary>
public sealed record MajorOccupationLink(string MajorCode, string MajorName, string MajorLevel, string OccupationCode, string OccupationName);
