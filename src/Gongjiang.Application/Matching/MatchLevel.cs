namespace Gongjiang.Application.Matching;

/// <summary>How well a recommendation fits, as people read it: 高 / 中 / 低.</summary>
public enum MatchLevel { Low, Medium, High }

/// <summary>
/// The one place that turns a match score (in [0, 1], <see cref="Gongjiang.Matching.Engine.IScoringModel.Present"/>) into
/// what a page shows: 匹配度 86% and a level, 高 from <see cref="HighFrom"/>, 中 from <see cref="MediumFrom"/>, 低 below.
/// </summary>
public static class MatchLevels
{
    /// <summary>Scores from here up are 高.</summary>
    public const double HighFrom = 0.70;

    /// <summary>Scores from here up to <see cref="HighFrom"/> are 中; below, 低.</summary>
    public const double MediumFrom = 0.45;

    public static MatchLevel Of(double score) => score >= HighFrom ? MatchLevel.High : score >= MediumFrom ? MatchLevel.Medium : MatchLevel.Low;

    /// <summary>The score as a whole percent, 0–100.</summary>
    public static int Percent(double score) => (int)Math.Round(Math.Clamp(score, 0, 1) * 100, MidpointRounding.AwayFromZero);

    /// <summary>The level's Chinese name (a page-text key).</summary>
    public static string ChineseName(MatchLevel level) => level switch { MatchLevel.High => "高", MatchLevel.Medium => "中", _ => "低" };
}
