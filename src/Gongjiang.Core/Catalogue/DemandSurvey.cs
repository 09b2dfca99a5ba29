namespace Gongjiang.Core.Catalogue;

/// <summary>
/// An employer demand survey (用人需求调查) of one quarter: a stratified sample of the zone's employers (by industry
/// cluster and size) drawn from a seed, whose stated needs enter the shortage catalogue with design weights.
/// </summary>
public sealed class DemandSurvey
{
    public string Id { get; set; } = "";
    /// <summary>The quarter, e.g. 2026Q3.</summary>
    public string Period { get; set; } = "";
    public int Seed { get; set; }
    public int SampleSize { get; set; }
    public DateTime OpenedAt { get; set; }
    public string OpenedBy { get; set; } = "";
    public DateTime? ClosedAt { get; set; }
    public List<SurveyStratum> Strata { get; set; } = [];
}

/// <summary>A stratum of a survey: its employers in the zone (N) and how many were drawn (n).</summary>
public sealed class SurveyStratum
{
    public long Id { get; set; }
    public string SurveyId { get; set; } = "";
    public string Cluster { get; set; } = "";
    public EmployerSize Size { get; set; }
    public int Population { get; set; }
    public int Sampled { get; set; }
}

/// <summary>An employer drawn into a survey, and when it answered.</summary>
public sealed class SurveyInvitation
{
    public long Id { get; set; }
    public string SurveyId { get; set; } = "";
    public string EmployerId { get; set; } = "";
    public string Cluster { get; set; } = "";
    public EmployerSize Size { get; set; }
    public DateTime? RespondedAt { get; set; }
}

/// <summary>A need an employer states: how many people of an occupation (and grade) it needs, and how urgently.</summary>
public sealed class SurveyNeed
{
    public long Id { get; set; }
    public string SurveyId { get; set; } = "";
    public string EmployerId { get; set; } = "";
    public string OccupationCode { get; set; } = "";
    /// <summary>National skill grade 5…1, or null.</summary>
    public int? Grade { get; set; }
    public int Headcount { get; set; }
    public SurveyUrgency Urgency { get; set; }
}

public enum SurveyUrgency { Normal = 0, Soon, Urgent }

/// <summary>Size strata by head count: 微型 &lt; 20, 小型 20–299, 中型 300–999, 大型 ≥ 1000, unknown.</summary>
public enum EmployerSize { Unknown = 0, Micro, Small, Medium, Large }

public static class EmployerSizes
{
    public static EmployerSize Of(int? employees) => employees switch
    {
        null => EmployerSize.Unknown, < 20 => EmployerSize.Micro, < 300 => EmployerSize.Small, < 1000 => EmployerSize.Medium, _ => EmployerSize.Large,
    };
}
