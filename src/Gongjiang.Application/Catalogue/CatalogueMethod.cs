using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// The published method of the shortage index (紧缺指数), a setting an operator may change (docs/shortage-catalogue.md):
/// the weights of the four indicators' percentile ranks, the band cut points on the 0–100 index, the weight of survey
/// demand in V and the bootstrap's size.
/// </summary>
public sealed record CatalogueMethod
{
    public const string SettingKey = "catalogue.method";

    /// <summary>求人倍率 R = V ÷ S.</summary>
    [JsonPropertyName("weight_ratio")] public double WeightRatio { get; init; } = 0.4;
    /// <summary>Gap G = V − S.</summary>
    [JsonPropertyName("weight_gap")] public double WeightGap { get; init; } = 0.3;
    /// <summary>Median days to fill.</summary>
    [JsonPropertyName("weight_days_to_fill")] public double WeightDaysToFill { get; init; } = 0.15;
    /// <summary>Change of the median pay on the previous quarter.</summary>
    [JsonPropertyName("weight_salary_change")] public double WeightSalaryChange { get; init; } = 0.15;
    /// <summary>An index at or above this (with a positive gap) is 紧缺.</summary>
    [JsonPropertyName("cut_shortage")] public double CutShortage { get; init; } = 60;
    /// <summary>An index at or above this (with a positive gap) is 非常紧缺.</summary>
    [JsonPropertyName("cut_severe")] public double CutSevere { get; init; } = 80;
    /// <summary>Each person of weighted survey demand counts this much in V.</summary>
    [JsonPropertyName("survey_weight")] public double SurveyWeight { get; init; } = 0.5;
    /// <summary>Bootstrap replicates for the interval of R (resampling employers).</summary>
    [JsonPropertyName("bootstrap_replicates")] public int BootstrapReplicates { get; init; } = 200;
    [JsonPropertyName("bootstrap_seed")] public int BootstrapSeed { get; init; } = 20260701;

    public static readonly CatalogueMethod Default = new();

    public string ToJson() => JsonSerializer.Serialize(this);

    public static CatalogueMethod? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<CatalogueMethod>(json); }
        catch (JsonException) { return null; }
    }

    /// <summary>The code of what is wrong with the method, or null when it can be used.</summary>
    public string? Problem()
    {
        double[] weights = [WeightRatio, WeightGap, WeightDaysToFill, WeightSalaryChange];
        if (weights.Any(w => w < 0 || double.IsNaN(w)) || weights.Sum() <= 0) return CatalogueErrors.BadWeights;
        if (CutShortage is < 0 or > 100 || CutSevere is < 0 or > 100 || CutSevere < CutShortage) return CatalogueErrors.BadCutPoints;
        if (SurveyWeight is < 0 or > 1 || BootstrapReplicates is < 0 or > 2000) return CatalogueErrors.BadMethod;
        return null;
    }
}
