using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjiang.Benchmarking;

/// <summary>report.json of <c>bench matching</c>, exactly as docs/formats.md writes it.</summary>
public sealed record BenchReport(
    [property: JsonPropertyName("talent")] int Talent,
    [property: JsonPropertyName("jobs")] int Jobs,
    [property: JsonPropertyName("queries")] int Queries,
    [property: JsonPropertyName("cores")] int Cores,
    [property: JsonPropertyName("gongjiang")] SystemFigures Gongjiang,
    [property: JsonPropertyName("lucene")] SystemFigures Lucene,
    [property: JsonPropertyName("seed")] int Seed = 0,
    [property: JsonPropertyName("gongjiang_learned")] SystemFigures? GongjiangLearned = null,
    [property: JsonPropertyName("ranker")] RankerFigures? Ranker = null)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One system's figures: build time, managed memory held by its index, single-thread latency and throughput, ndcg@10.</summary>
public sealed record SystemFigures(
    [property: JsonPropertyName("build_s")] double BuildSeconds,
    [property: JsonPropertyName("memory_mb")] double MemoryMb,
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("qps")] double Qps,
    [property: JsonPropertyName("ndcg10")] double Ndcg10);

/// <summary>
/// The learned ranker of the benchmark: trained on the generator's simulated outcomes of the same market (the earlier half
/// of the job groups by time, labels cut at the split), validated on the later half against the hand weights.
/// </summary>
public sealed record RankerFigures(
    [property: JsonPropertyName("outcome_seed")] int OutcomeSeed,
    [property: JsonPropertyName("train_groups")] int TrainGroups,
    [property: JsonPropertyName("validation_groups")] int ValidationGroups,
    [property: JsonPropertyName("validation_ndcg10_hand")] double ValidationNdcgHand,
    [property: JsonPropertyName("validation_ndcg10_learned")] double ValidationNdcgLearned,
    [property: JsonPropertyName("validation_gain_low")] double ValidationGainLow,
    [property: JsonPropertyName("validation_gain_high")] double ValidationGainHigh);
