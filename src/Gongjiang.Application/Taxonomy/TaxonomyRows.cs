namespace Gongjiang.Application.Taxonomy;

// Database copies of the embedded taxonomy (Gongjiang.Core.Taxonomy.TaxonomyCatalog is the source), so that
// reports and SQL queries can join against it. Rewritten from the catalog whenever its version changes.

public sealed class OccupationRow
{
    public string Code { get; set; } = "";
    public int Level { get; set; }
    public string Name { get; set; } = "";
    public string? ParentCode { get; set; }
    public string Definition { get; set; } = "";
    public string Tasks { get; set; } = "";
    public string Aliases { get; set; } = "";
    public bool IsGreen { get; set; }
    public bool IsDigital { get; set; }
}

public sealed class SkillStandardRow
{
    public int Id { get; set; }
    public string OccupationCode { get; set; } = "";
    public string Edition { get; set; } = "";
    public string GradeCode { get; set; } = "";
    public int? Grade { get; set; }
    public string Name { get; set; } = "";
    public double? WeightPercent { get; set; }
    public string Category { get; set; } = "";
    public string SourceDocument { get; set; } = "";
}

public sealed class MajorRow
{
    public string Id { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Level { get; set; } = "";
    public string Category { get; set; } = "";
    public string Catalog { get; set; } = "";
}

public sealed class MajorOccupationRow
{
    public int Id { get; set; }
    public string MajorCode { get; set; } = "";
    public string MajorLevel { get; set; } = "";
    public string OccupationCode { get; set; } = "";
}

public sealed class RegionRow
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ParentCode { get; set; }
    public int Depth { get; set; }
    public string FullName { get; set; } = "";
    public string Pinyin { get; set; } = "";
}

/// <summary>Key/value facts about the database itself (taxonomy version, demo seed).</summary>
public sealed class SystemSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
