namespace Gongjiang.Matching.Engine;

/// <summary>How one query is run.</summary>
public sealed record MatchOptions
{
    public static readonly MatchOptions Default = new();

    /// <summary>The day jobs must still be open on; the engine's clock when null.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>Scores every candidate that passes the hard filters; <see cref="HandWeights.Default"/> when null.</summary>
    public IScoringModel? Model { get; init; }

    /// <summary>Optional second stage (e.g. a learned ranker) that re-scores the best <see cref="RerankDepth"/> of the first.</summary>
    public IScoringModel? Reranker { get; init; }

    public int RerankDepth { get; init; } = 200;

    /// <summary>Build the explanation of each result (names, Chinese text); the features are always returned.</summary>
    public bool WithReasons { get; init; } = true;

    /// <summary>
    /// Non-personalized mode (PIPL Art. 24, 不针对其个人特征的选项): jobs are ranked by recency and popularity
    /// using only the filters given here, never the seeker's profile.
    /// </summary>
    public bool NonPersonalized { get; init; }

    /// <summary>Explicit city filter (6-digit codes) for the non-personalized mode; empty means every city.</summary>
    public IReadOnlyList<string> Cities { get; init; } = [];

    /// <summary>
    /// Upper bound on candidates scored per query. Posting lists are visited most selective first (same occupation at
    /// the fitting grades, its minor group, skills, title words, wider groups) and each newest first, so a large market
    /// spends the budget on the likeliest matches.
    /// </summary>
    public int MaxCandidates { get; init; } = 20_000;
}

/// <summary>One ranked pair. <see cref="Reasons"/> is null when the query asked for none.</summary>
public sealed record MatchResult(string JobId, string TalentId, int Rank, float Score, MatchFeatures Features, MatchReasons? Reasons);

/// <summary>Taxonomy proximity, as the number of leading code levels shared.</summary>
public enum OccupationProximity { None = 0, SameMajorGroup = 1, SameMiddleGroup = 2, SameMinorGroup = 3, SameOccupation = 4 }

public enum SalaryFit
{
    /// <summary>The talent states no expectation or the job no range.</summary>
    Unknown = 0,
    Overlap,
    /// <summary>The job pays less than the talent expects.</summary>
    BelowExpectation,
}

public enum LocationFit { SameDistrict, SameCity, WillingToMove }

/// <summary>Why a pair ranks where it does, machine-readable plus a short Chinese sentence.</summary>
public sealed record MatchReasons
{
    /// <summary>The talent's occupation closest to the job's (or null).</summary>
    public string? OccupationCode { get; init; }
    public string? OccupationName { get; init; }
    public string? JobOccupationCode { get; init; }
    public OccupationProximity Proximity { get; init; }
    /// <summary>Whether the closest occupation only comes from the talent's desired titles (no grade held).</summary>
    public bool OccupationFromDesiredTitle { get; init; }
    public int? GradeHeld { get; init; }
    public int? GradeRequired { get; init; }
    public IReadOnlyList<string> MatchedSkills { get; init; } = [];
    public IReadOnlyList<string> MissingSkills { get; init; } = [];
    /// <summary>The skills compared come from the occupation's national skill standard because the job lists none.</summary>
    public bool SkillsFromStandard { get; init; }
    public SalaryFit Salary { get; init; }
    public LocationFit Location { get; init; }
    public string? JobCity { get; init; }
    public double ExperienceYears { get; init; }
    public double? ExperienceRequired { get; init; }
    /// <summary>E.g. <c>焊工(6-18-02-04)三级≥要求四级; 技能匹配 3/4: 氩弧焊,…; 缺: 焊接工艺评定; 薪资重叠; 同城</c>.</summary>
    public string Text { get; init; } = "";

    public override string ToString() => Text;
}
