using Gongjiang.Application.Common.Results;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Skills;

namespace Gongjiang.Application.Skills;

/// <summary>
/// How one written skill is read: the standard item it stands for (null: 未识别, or refused), how sure the reading is, and
/// whether its writer confirmed or refused it.
/// </summary>
public sealed record SkillReading(string Written, string? Item, double Confidence, SkillItemStatus Status)
{
    public int Percent => (int)Math.Round(Confidence * 100);
}

/// <summary>A decision on a written skill's reading: the item confirmed, or the reading refused (<see cref="Declined"/>).</summary>
public sealed record SkillChoice(string Skill, string? Item, bool Declined)
{
    public static SkillChoice? Of(JobSkill skill) => skill.ItemStatus switch
    {
        SkillItemStatus.Declined => new SkillChoice(skill.Name, null, true),
        SkillItemStatus.Confirmed when skill.StandardItem is { } item => new SkillChoice(skill.Name, item, false),
        _ => null,
    };

    public static SkillChoice? Of(TalentSkillChoice choice) => choice.Status switch
    {
        SkillItemStatus.Declined => new SkillChoice(choice.Skill, null, true),
        SkillItemStatus.Confirmed when choice.Item is { } item => new SkillChoice(choice.Skill, item, false),
        _ => null,
    };
}

/// <summary>A decision as a form carries it between round trips (hidden fields), field by field as text.</summary>
public sealed class SkillChoiceRow
{
    public string? Skill { get; set; }
    public string? Item { get; set; }
    public bool Declined { get; set; }

    public static SkillChoiceRow Of(SkillChoice c) => new() { Skill = c.Skill, Item = c.Item, Declined = c.Declined };

    public static List<SkillChoice> Choices(IEnumerable<SkillChoiceRow> rows) => rows
        .Where(r => !string.IsNullOrWhiteSpace(r.Skill) && (r.Declined || !string.IsNullOrWhiteSpace(r.Item)))
        .Select(r => new SkillChoice(r.Skill!.Trim(), r.Declined ? null : r.Item!.Trim(), r.Declined))
        .DistinctBy(c => c.Skill, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Applies a button of the readings ("confirm:CNC编程", "decline:CNC编程", "undo:CNC编程") to the form's decisions;
    /// confirming takes the item the skill is read as now.
    /// </summary>
    public static void Apply(List<SkillChoiceRow> rows, string? action, IReadOnlyList<SkillReading> readings)
    {
        var colon = action?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (action is null || colon < 1) return;
        var (verb, skill) = (action[..colon], action[(colon + 1)..].Trim());
        rows.RemoveAll(r => string.Equals(r.Skill?.Trim(), skill, StringComparison.Ordinal));
        var reading = readings.FirstOrDefault(r => r.Written == skill);
        if (verb == "decline") rows.Add(new SkillChoiceRow { Skill = skill, Declined = true });
        else if (verb == "confirm" && reading?.Item is { } item) rows.Add(new SkillChoiceRow { Skill = skill, Item = item });
    }
}

/// <summary>
/// The one reading of written skills for screens, postings and profiles: each written skill with the standard item of the
/// occupations (and grades) it stands for (<see cref="SkillRecognizer"/>), overruled by what its writer confirmed or refused.
/// </summary>
public static class SkillReadings
{
    /// <summary>The longest confirmed item name accepted.</summary>
    public const int MaxItemLength = 60;

    /// <summary>The most sure reading of a written skill among the occupations (any standard when there are none).</summary>
    public static RecognizedSkill? Best(TaxonomyCatalog catalog, string written, IReadOnlyList<(string Code, int? Grade)> occupations)
    {
        var recognizer = SkillRecognizer.For(catalog);
        if (occupations.Count == 0) return recognizer.Best(written, null, null);
        RecognizedSkill? best = null;
        foreach (var (code, grade) in occupations)
            if (recognizer.Best(written, code, grade) is { } hit && (best is null || hit.Confidence > best.Confidence)) best = hit;
        return best;
    }

    /// <summary>Each distinct written skill (text without a letter, digit or Chinese character is no skill) with its reading.</summary>
    public static IReadOnlyList<SkillReading> Read(TaxonomyCatalog catalog, IEnumerable<string?> written,
        IReadOnlyList<(string Code, int? Grade)> occupations, IEnumerable<SkillChoice> choices)
    {
        var chosen = choices.DistinctBy(c => c.Skill, StringComparer.Ordinal).ToDictionary(c => c.Skill, StringComparer.Ordinal);
        var readings = new List<SkillReading>();
        foreach (var skill in written.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim()).Distinct(StringComparer.Ordinal))
        {
            if (!skill.Any(c => char.IsLetterOrDigit(c))) continue;
            if (chosen.TryGetValue(skill, out var choice))
                readings.Add(new SkillReading(skill, choice.Item, 1, choice.Declined ? SkillItemStatus.Declined : SkillItemStatus.Confirmed));
            else
                readings.Add(Best(catalog, skill, occupations) is { } hit
                    ? new SkillReading(skill, hit.ItemName, hit.Confidence, SkillItemStatus.Read)
                    : new SkillReading(skill, null, 0, SkillItemStatus.Read));
        }
        return readings;
    }

    /// <summary>
    /// A confirmed item must be a standard skill item or the item the skill is read as; errors name <paramref name="field"/>.
    /// </summary>
    public static void Check(TaxonomyCatalog catalog, IEnumerable<SkillChoice> choices, IReadOnlyList<(string Code, int? Grade)> occupations,
        string field, ErrorList errors)
    {
        foreach (var c in choices.Where(c => !c.Declined))
        {
            if (c.Item is not { Length: > 0 and <= MaxItemLength } item
                || (!catalog.SkillItems.Any(i => i.Name.Trim() == item) && Best(catalog, c.Skill, occupations)?.ItemName != item))
                errors.Add(field, SkillErrors.UnknownItem, c.Item ?? "");
        }
    }

    /// <summary>The decisions onto a posting's skills: a refused reading leaves the skill as written, a confirmed one keeps its item.</summary>
    public static void ApplyTo(JobPosting job, IEnumerable<SkillChoice> choices)
    {
        var chosen = choices.DistinctBy(c => c.Skill, StringComparer.Ordinal).ToDictionary(c => c.Skill, StringComparer.Ordinal);
        foreach (var skill in job.Skills)
        {
            if (!chosen.TryGetValue(skill.Name, out var choice)) { skill.ItemStatus = SkillItemStatus.Read; continue; }
            skill.StandardItem = choice.Item;
            skill.ItemStatus = choice.Declined ? SkillItemStatus.Declined : SkillItemStatus.Confirmed;
        }
    }

    /// <summary>
    /// The decisions onto a profile (those of skills it still lists) and the standard items it holds: each written skill's
    /// items read for each of its occupations, the confirmed item instead when confirmed, none when refused.
    /// </summary>
    public static void ApplyTo(TaxonomyCatalog catalog, TalentProfile profile, IEnumerable<SkillChoice> choices)
    {
        var skills = profile.Skills.ToHashSet(StringComparer.Ordinal);
        profile.SkillChoices = choices.Where(c => skills.Contains(c.Skill)).DistinctBy(c => c.Skill, StringComparer.Ordinal)
            .Select(c => new TalentSkillChoice { Skill = c.Skill, Item = c.Item, Status = c.Declined ? SkillItemStatus.Declined : SkillItemStatus.Confirmed })
            .ToList();
        profile.SkillItems = ItemsOf(catalog, profile);
    }

    /// <summary>The standard items a profile holds by its written skills and the seeker's decisions ("数控编程" → 数控机床操作与调整).</summary>
    public static List<string> ItemsOf(TaxonomyCatalog catalog, TalentProfile profile)
    {
        var recognizer = SkillRecognizer.For(catalog);
        var chosen = profile.SkillChoices.Select(SkillChoice.Of).OfType<SkillChoice>().ToDictionary(c => c.Skill, StringComparer.Ordinal);
        var items = new List<string>();
        foreach (var skill in profile.Skills)
        {
            if (chosen.TryGetValue(skill, out var choice))
            {
                if (choice.Item is { } item && item != skill) items.Add(item);
                continue;
            }
            var hits = profile.Occupations.Count == 0
                ? [recognizer.Best(skill, null, null)]
                : profile.Occupations.Select(o => recognizer.Best(skill, o.Code, o.Grade));
            items.AddRange(hits.Where(hit => hit is not null && hit.ItemName != hit.Written).Select(hit => hit!.ItemName));
        }
        return items.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Reads again each skill of a posting its poster has not confirmed or refused (for its occupation and grade); true
    /// when an item changed. Postings saved before skills were read get theirs so (the demo zone, <c>skills backfill</c>).
    /// </summary>
    public static bool ReadSkillsOf(TaxonomyCatalog catalog, JobPosting job)
    {
        var recognizer = SkillRecognizer.For(catalog);
        var skills = job.Skills.Select(s => new JobSkill
        {
            Name = s.Name, Weight = s.Weight, ItemStatus = s.ItemStatus,
            StandardItem = s.ItemStatus == SkillItemStatus.Read ? recognizer.Best(s.Name, job.OccupationCode, job.MinGrade)?.ItemName : s.StandardItem,
        }).ToList();
        if (skills.Select(s => s.StandardItem).SequenceEqual(job.Skills.Select(s => s.StandardItem), StringComparer.Ordinal)) return false;
        job.Skills = skills;
        return true;
    }

    /// <summary>Works out again the standard items a profile holds (<see cref="ItemsOf"/>); true when they changed.</summary>
    public static bool ReadSkillsOf(TaxonomyCatalog catalog, TalentProfile profile)
    {
        var items = ItemsOf(catalog, profile);
        if (items.SequenceEqual(profile.SkillItems, StringComparer.Ordinal)) return false;
        profile.SkillItems = items;
        return true;
    }

    public static IReadOnlyList<(string Code, int? Grade)> OccupationsOf(TalentProfile profile) =>
        profile.Occupations.Select(o => (o.Code, o.Grade)).ToList();
}

/// <summary>Codes of the errors of skill readings (messages in Common/Results/ErrorMessages.resx).</summary>
public static class SkillErrors
{
    public const string UnknownItem = "skills.unknown_item";
    public const string UnknownStatus = "skills.unknown_item_status";
}
