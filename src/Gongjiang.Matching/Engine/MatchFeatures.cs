using System.Runtime.InteropServices;

namespace Gongjiang.Matching.Engine;

/// <summary>
/// What the engine knows about one (job, talent) pair, every component in [0, 1]. A scoring model turns it
/// into one score; a learned ranker reads the same vector. Nothing here comes from a protected attribute.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MatchFeatures
{
    /// <summary>Taxonomy proximity of the job's occupation to the closest one the talent holds (same code 1, minor group .6, middle .3, major .1).</summary>
    public float Occupation;
    /// <summary>How well the grade held fits the required one (1 exact, slightly less when over-qualified; neutral without a requirement).</summary>
    public float Grade;
    /// <summary>Share of the job's skill weight the talent covers (job weights, else the national standard's).</summary>
    public float Skills;
    /// <summary>Experience against the job's minimum.</summary>
    public float Experience;
    /// <summary>Overlap of the offered salary range with the talent's expectation.</summary>
    public float Salary;
    /// <summary>How recently the job was posted.</summary>
    public float JobRecency;
    /// <summary>How recently the talent's profile was updated.</summary>
    public float TalentRecency;
    /// <summary>Character-bigram overlap of the job's title and occupation name with the desired titles and occupation names (cosine of sets).</summary>
    public float Text;
    /// <summary>Same district 1, same city .9, a city the talent is willing to move to .6.</summary>
    public float Location;
    /// <summary>1 when the job states its skills, 0 when they come from the national standard or are unknown.</summary>
    public float SkillsStated;
    /// <summary>What the résumé says of the work record: 1 recognition, 0 instability, 0.5 neither or both (<see cref="WorkRecordSignals"/>).</summary>
    public float WorkRecord;

    public const int Count = 11;

    public static readonly IReadOnlyList<string> Names =
        ["occupation", "grade", "skills", "experience", "salary", "job_recency", "talent_recency", "text", "location", "skills_stated", "work_record"];

    /// <summary>The components in <see cref="Names"/> order, e.g. as a learned ranker's input row.</summary>
    public readonly void CopyTo(Span<float> destination)
    {
        if (destination.Length < Count) throw new ArgumentException($"Needs room for {Count} features.", nameof(destination));
        MemoryMarshal.CreateReadOnlySpan(in Occupation, Count).CopyTo(destination);
    }

    public readonly float[] ToArray()
    {
        var values = new float[Count];
        CopyTo(values);
        return values;
    }
}

/// <summary>Turns features into a score; higher is better. Implementations must be thread-safe and allocation-free.</summary>
public interface IScoringModel
{
    float Score(in MatchFeatures features);

    /// <summary>The score as shown to people and written to files: in [0, 1], same order as <see cref="Score"/>.
    /// Models whose raw scores already lie there return them unchanged.</summary>
    float Present(float score) => score;
}

/// <summary>A linear model with hand-set weights: the default until a learned ranker replaces it.</summary>
public sealed record HandWeights : IScoringModel
{
    public static readonly HandWeights Default = new();

    public float Occupation { get; init; } = 0.25f;
    public float Grade { get; init; } = 0.10f;
    public float Skills { get; init; } = 0.28f;
    public float Experience { get; init; } = 0.10f;
    public float Salary { get; init; } = 0.06f;
    public float JobRecency { get; init; } = 0.03f;
    public float TalentRecency { get; init; } = 0.01f;
    public float Text { get; init; } = 0.13f;
    public float Location { get; init; } = 0.04f;
    public float SkillsStated { get; init; } // 0: not weighted by hand
    public float WorkRecord { get; init; } // 0: not weighted by hand; the learned ranker weighs it from outcomes

    public float Score(in MatchFeatures features) =>
        Occupation * features.Occupation + Grade * features.Grade + Skills * features.Skills + Experience * features.Experience
        + Salary * features.Salary + JobRecency * features.JobRecency + TalentRecency * features.TalentRecency
        + Text * features.Text + Location * features.Location + SkillsStated * features.SkillsStated + WorkRecord * features.WorkRecord;
}
