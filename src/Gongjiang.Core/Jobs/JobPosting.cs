using Gongjiang.Core.Common;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Core.Jobs;

/// <summary>A job posting (招聘岗位). Salaries are CNY per month.</summary>
public sealed class JobPosting
{
    public string Id { get; set; } = "";
    public string EmployerId { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>2022 occupation code; filled by title normalization when the poster leaves it empty.</summary>
    public string? OccupationCode { get; set; }
    /// <summary>Confidence of a normalized code (0–1); null when the poster chose the code.</summary>
    public double? OccupationConfidence { get; set; }
    /// <summary>Minimum national skill grade, 5 (entry) … 1 (top); null for none.</summary>
    public int? MinGrade { get; set; }
    public List<JobSkill> Skills { get; set; } = [];
    /// <summary>Certificates a candidate must hold (e.g. 特种作业操作证(焊接与热切割)).</summary>
    public List<string> RequiredCertificates { get; set; } = [];
    public EducationLevel? EducationMin { get; set; }
    public double? ExperienceMinYears { get; set; }
    public string CityCode { get; set; } = "";
    public int SalaryMin { get; set; }
    public int SalaryMax { get; set; }
    public int Headcount { get; set; } = 1;
    public DateOnly PostedAt { get; set; }
    public DateOnly? ExpiresAt { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Benefit tags from <see cref="BenefitTags.All"/> (五险一金, 包吃住 …).</summary>
    public List<string> Benefits { get; set; } = [];
    public JobStatus Status { get; set; } = JobStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOpenOn(DateOnly day) => Status == JobStatus.Open && (ExpiresAt is null || ExpiresAt >= day);

    /// <summary>The state as a reader sees it on the day: an open posting past its date reads as expired.</summary>
    public JobStatus StatusOn(DateOnly day) => Status == JobStatus.Open && ExpiresAt is { } e && e < day ? JobStatus.Expired : Status;
}

/// <summary>A skill the job asks for, with its weight in the job's requirements (0–1).</summary>
public sealed class JobSkill
{
    /// <summary>The skill as written ("CNC编程").</summary>
    public string Name { get; set; } = "";
    public double Weight { get; set; }
    /// <summary>
    /// The standard skill item of the job's occupation the written skill was recognised as ("数控机床操作与调整"), or null;
    /// matching compares this item with the candidates' skills and names both in its reasons.
    /// </summary>
    public string? StandardItem { get; set; }
    /// <summary>Whether the poster confirmed <see cref="StandardItem"/>, refused the reading (the skill is kept as written, with no item) or left it as read.</summary>
    public SkillItemStatus ItemStatus { get; set; }
}

public enum JobStatus { Draft = 0, Open, Closed, Expired, TakenDown }
