using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;

namespace Gongjiang.Core.Taxonomy;

/// <summary>
/// The reference data the platform is built on, embedded in the product with attribution
/// (see Taxonomy/Data/ATTRIBUTION.md): occupations, skill standards, majors and their official links, regions.
/// Loaded once and shared; immutable.
/// </summary>
public sealed class TaxonomyCatalog
{
    private static readonly Lazy<TaxonomyCatalog> Shared = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The catalog embedded in this assembly.</summary>
    public static TaxonomyCatalog Default => Shared.Value;

    public IReadOnlyList<Occupation> Occupations { get; }
    public FrozenDictionary<string, Occupation> OccupationsByCode { get; }
    public IReadOnlyList<SkillStandardItem> SkillItems { get; }
    public FrozenDictionary<string, SkillStandardItem[]> SkillItemsByOccupation { get; }
    public IReadOnlyList<Major> Majors { get; }
    public FrozenDictionary<string, Major> MajorsByCode { get; }
    public IReadOnlyList<MajorOccupationLink> MajorLinks { get; }
    public FrozenDictionary<string, MajorOccupationLink[]> MajorLinksByOccupation { get; }
    public FrozenDictionary<string, MajorOccupationLink[]> MajorLinksByMajor { get; }
    public IReadOnlyList<Region> Regions { get; }
    public FrozenDictionary<string, Region> RegionsByCode { get; }

    private TaxonomyCatalog(List<Occupation> occupations, List<SkillStandardItem> skills, List<Major> majors,
        List<MajorOccupationLink> links, List<Region> regions)
    {
        Occupations = occupations;
        OccupationsByCode = occupations.ToFrozenDictionary(o => o.Code, StringComparer.Ordinal);
        SkillItems = skills;
        SkillItemsByOccupation = skills.GroupBy(s => s.OccupationCode).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Majors = majors;
        // The same code can appear in several catalogues; the vocational one wins, then the first seen.
        MajorsByCode = majors.GroupBy(m => m.Code).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        MajorLinks = links;
        MajorLinksByOccupation = links.GroupBy(l => l.OccupationCode).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        MajorLinksByMajor = links.GroupBy(l => l.MajorCode).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Regions = regions;
        RegionsByCode = regions.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
    }

    public Occupation? FindOccupation(string? code) =>
        code is not null && OccupationsByCode.TryGetValue(code, out var o) ? o : null;

    public Region? FindRegion(string? code) =>
        code is not null && RegionsByCode.TryGetValue(code, out var r) ? r : null;

    /// <summary>Skill items of an occupation's standard at a grade (5…1); empty when the occupation has no standard.</summary>
    public IReadOnlyList<SkillStandardItem> SkillItemsFor(string occupationCode, int grade) =>
        SkillItemsByOccupation.TryGetValue(occupationCode, out var items)
            ? items.Where(i => i.Grade == grade).ToArray()
            : [];

    /// <summary>The prefecture-level city (地级市, or a municipality) containing a region code.</summary>
    public string? CityOf(string? regionCode)
    {
        var region = FindRegion(regionCode);
        if (region is null) return null;
        return region.Depth switch
        {
            3 => region.ParentCode,
            2 when region.ParentCode is not null && RegionsByCode.ContainsKey(region.ParentCode) => region.Code,
            2 => region.Code[..2] + "0000", // a municipality's district (北京市东城区): the municipality is the city
            _ => region.Code,
        };
    }

    /// <summary>Display name such as 山东省青岛市黄岛区.</summary>
    public string RegionDisplayName(string? code) =>
        FindRegion(code) is { } r ? r.FullName.Replace(",", "", StringComparison.Ordinal) : code ?? "";

    public static TaxonomyCatalog LoadEmbedded()
    {
        var assembly = typeof(TaxonomyCatalog).Assembly;
        var flags = ReadCsv(assembly, "occupations_mohrss2022_official.csv")
            .ToDictionary(r => r["code"], r => (Green: r["is_green"] == "True", Digital: r["is_digital"] == "True"));

        var occupations = ReadCsv(assembly, "csco22.csv").Select(r =>
        {
            var code = r["code"];
            flags.TryGetValue(code, out var f);
            var aliases = r["alias"].Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(a => a != r["name"]).Distinct().ToArray();
            return new Occupation(code, int.Parse(r["level"], CultureInfo.InvariantCulture), r["name"], r["definition"], r["tasks"], aliases, f.Green, f.Digital);
        })
        // A few minor groups with a single occupation appear twice under one code (小类 and 细类): keep the detailed row.
        .GroupBy(o => o.Code).Select(g => g.OrderByDescending(o => o.Definition.Length).ThenByDescending(o => o.Level).First())
        .ToList();

        var skills = ReadCsv(assembly, "skill_standard_weights.csv").Select(r => new SkillStandardItem(
            r["occupation_code"], r["occupation_name"], r["standard_edition"], r["grade_code_gb"],
            SkillGrade.FromStandardCode(r["grade_code_gb"]), r["skill_item"].Trim(),
            double.TryParse(r["weight_pct"], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : null,
            r["category"], r["source_pdf"])).Where(s => s.Name.Length > 0).ToList();

        var majors = ReadCsv(assembly, "majors_moe_official.csv").Select(r => new Major(
            r["id"], r["code"], r["name"], r["level"], r["level_zh"], r["category"], r["catalog"])).ToList();

        var links = ReadCsv(assembly, "major_to_occupation_official.csv").Select(r => new MajorOccupationLink(
            r["major_code"], r["major_name"], r["major_level"], r["occupation_code"], r["occupation_name"])).ToList();

        var regions = ReadCsv(assembly, "cncity.csv").Select(r => new Region(
            r["id"], r["name"], r["parent_id"] is "" or "100000" ? null : r["parent_id"],
            int.Parse(r["deep"], CultureInfo.InvariantCulture), r["short_name"], r["nerge_name"], r["pinyin"])).ToList();

        return new TaxonomyCatalog(occupations, skills, majors, links, regions);
    }

    private static List<Dictionary<string, string>> ReadCsv(Assembly assembly, string file)
    {
        using var stream = assembly.GetManifestResourceStream("Gongjiang.Taxonomy." + file)
            ?? throw new InvalidOperationException($"Embedded taxonomy file {file} is missing.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) row[header[i]] = csv.GetField(i) ?? "";
            rows.Add(row);
        }
        return rows;
    }
}
