using Gongjiang.Core.Common;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Core.Talent;

/// <summary>
/// A seeker's profile (人才档案), built around occupations and national skill grades. Contact and identity
/// data live apart in <see cref="TalentContact"/> as personal information; gender and birth year are
/// protected attributes kept for statistics and legal duties only and never used for matching.
/// </summary>
public sealed class TalentProfile
{
    public string Id { get; set; } = "";
    /// <summary>Protected: "male", "female" or null.</summary>
    public string? Gender { get; set; }
    /// <summary>Protected.</summary>
    public int? BirthYear { get; set; }
    public string CityCode { get; set; } = "";
    public List<string> WillingCities { get; set; } = [];
    public TalentEducation Education { get; set; } = new();
    public List<TalentOccupation> Occupations { get; set; } = [];
    public List<string> Skills { get; set; } = [];
    /// <summary>The standard skill items of the profile's occupations its written skills were recognised as (matching counts them as held).</summary>
    public List<string> SkillItems { get; set; } = [];
    /// <summary>The readings of written skills the seeker confirmed or refused (a refused skill is kept as written, with no item).</summary>
    public List<TalentSkillChoice> SkillChoices { get; set; } = [];
    public List<string> Certificates { get; set; } = [];
    public double ExperienceYears { get; set; }
    public int? ExpectedSalaryMin { get; set; }
    public int? ExpectedSalaryMax { get; set; }
    public List<string> DesiredTitles { get; set; } = [];
    public string ResumeText { get; set; } = "";
    /// <summary>Work history (工作经历), newest first as the seeker ordered it.</summary>
    public List<WorkExperience> WorkHistory { get; set; } = [];
    /// <summary>The seeker agreed to appear in the zone's shared résumé pool (人才简历云端共享).</summary>
    public bool SharedWithZone { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>The China day the seeker registered (talent.jsonl <c>registered_at</c>); counts towards supply from then on.</summary>
    public DateOnly RegisteredAt { get; set; }
    /// <summary>The China day the seeker was last active (talent.jsonl <c>last_active_at</c>); supply counts the seeker up to then.</summary>
    public DateOnly LastActiveAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The best (numerically lowest) grade held in an occupation, or null.</summary>
    public int? BestGradeIn(string occupationCode) =>
        Occupations.Where(o => o.Code == occupationCode && o.Grade is not null).Select(o => o.Grade).Min();
}

public sealed class TalentEducation
{
    public EducationLevel? Level { get; set; }
    public string? MajorCode { get; set; }
    public string? School { get; set; }
    public int? GraduationYear { get; set; }
}

/// <summary>An occupation the seeker works in, with the national skill grade held (5…1) and whether it is certified.</summary>
public sealed class TalentOccupation
{
    public string Code { get; set; } = "";
    /// <summary>The everyday name the seeker typed for the occupation (电焊工 for 焊工 6-18-02-04), shown beside its name; null when none.</summary>
    public string? TypedName { get; set; }
    public int? Grade { get; set; }
    public bool Certified { get; set; }
}

/// <summary>
/// The seeker's decision on how a written skill was read: <see cref="Item"/> confirmed as the standard item it stands for,
/// or the reading refused (<see cref="Item"/> null), so the skill is kept as written.
/// </summary>
public sealed class TalentSkillChoice
{
    public string Skill { get; set; } = "";
    public string? Item { get; set; }
    public SkillItemStatus Status { get; set; }
}

/// <summary>Personal information (个人信息) of a seeker, kept apart from the profile.</summary>
public sealed class TalentContact
{
    public string TalentId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? IdNumber { get; set; }
}
