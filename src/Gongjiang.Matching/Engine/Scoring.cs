using System.Runtime.CompilerServices;

namespace Gongjiang.Matching.Engine;

/// <summary>
/// The hard filters and the feature computation for one pair: the engine's inner loop. Works on spans over the
/// pools and allocates nothing.
/// </summary>
internal static class Scoring
{
    /// <summary>
    /// False when the pair fails a hard filter: location or willingness to move, minimum education, required
    /// certificates, minimum grade. Job status and expiry are checked by the caller once per job.
    /// </summary>
    public static bool TryScore(scoped in JobView j, scoped in TalentView t, int today, out MatchFeatures f) =>
        TryScore(j, t, today, null, float.NegativeInfinity, out f);

    /// <summary>
    /// As above; with <paramref name="bound"/> given, a pair whose score under those weights cannot reach
    /// <paramref name="threshold"/> (the worst score still in the top K) is dropped before the skill and text merges.
    /// </summary>
    public static bool TryScore(scoped in JobView j, scoped in TalentView t, int today, HandWeights? bound, float threshold, out MatchFeatures f)
    {
        Unsafe.SkipInit(out f);
        ref readonly var jr = ref j.Row;
        ref readonly var tr = ref t.Row;

        float location;
        if (jr.Region != 0 && tr.Region == jr.Region) location = 1f;
        else if (jr.City != 0 && tr.City == jr.City) location = 0.9f;
        else if (jr.City != 0 && t.Reach.BinarySearch(jr.City) >= 0) location = 0.6f;
        else return false;

        if (jr.EducationMin != 0 && tr.Education < jr.EducationMin) return false;
        if (j.Certificates.Length != 0 && !IsSubset(j.Certificates, t.Certificates)) return false;

        var proximity = Proximity(jr.Occupation, t.Occupations, out var held);
        float grade;
        if (jr.MinGrade != 0)
        {
            if (held == 0 || held > jr.MinGrade) return false;
            grade = 1f - 0.08f * (jr.MinGrade - held); // a little less for over-qualification
        }
        else grade = held != 0 ? 0.8f : 0.5f;

        float experience;
        if (jr.ExperienceMin > 0) experience = tr.ExperienceYears >= jr.ExperienceMin ? 1f : 0.5f * tr.ExperienceYears / jr.ExperienceMin;
        else experience = 0.5f + 0.05f * MathF.Min(10f, tr.ExperienceYears);

        f.Occupation = proximity;
        f.Grade = grade;
        f.Experience = experience;
        f.Salary = Salary(jr.SalaryMin, jr.SalaryMax, tr.SalaryMin, tr.SalaryMax);
        f.JobRecency = Recency(jr.PostedDay, today, JobRecencyTable);
        f.TalentRecency = Recency(tr.UpdatedDay, today, TalentRecencyTable);
        f.Location = location;
        f.SkillsStated = jr.SkillsFromStandard || j.Skills.Length == 0 ? 0f : 1f;
        f.WorkRecord = tr.WorkRecord;

        if (bound is not null && threshold > float.NegativeInfinity)
        {
            var upper = bound.Occupation * f.Occupation + bound.Grade * f.Grade + bound.Experience * f.Experience + bound.Salary * f.Salary
                + bound.JobRecency * f.JobRecency + bound.TalentRecency * f.TalentRecency + bound.Location * f.Location
                + bound.SkillsStated * f.SkillsStated + bound.WorkRecord * f.WorkRecord + MathF.Max(0f, bound.Skills) + MathF.Max(0f, bound.Text);
            if (upper + 1e-4f < threshold) return false;
        }

        f.Skills = j.Skills.Length != 0 ? CoveredWeight(j.Skills, j.Weights, t.Skills) : 0f;
        f.Text = TextOverlap(j.Bigrams, t.Bigrams);
        return true;
    }

    /// <summary>
    /// Best proximity of the talent's occupations to the job's (weighed by <see cref="OccupationFactor"/>), and
    /// the grade held that the requirement is judged on: the best grade in the job's minor group (any occupation when
    /// the job has no code), 0 when none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Proximity(int jobOccupation, ReadOnlySpan<int> occupations, out int held)
    {
        held = 0;
        var best = 0f;
        for (var i = 0; i < occupations.Length; i++)
        {
            var packed = occupations[i];
            var code = PackedOccupation.Code(packed);
            var g = PackedOccupation.Grade(packed);
            var levels = OccupationInt.SharedLevels(jobOccupation, code);
            if (g != PackedOccupation.Desired && g != 0 && (jobOccupation == 0 || levels >= 3) && (held == 0 || g < held)) held = g;
            var p = LevelScore(levels) * OccupationFactor(i, g);
            if (p > best) best = p;
        }
        return best;
    }

    /// <summary>
    /// The main (first listed) occupation counts fully; further ones 0.9, since most experience was gained in the main
    /// trade; an occupation only recognised from a desired title 0.8.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float OccupationFactor(int position, int grade) =>
        grade == PackedOccupation.Desired ? 0.8f : position == 0 ? 1f : 0.9f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LevelScore(int levels) => levels switch { 4 => 1f, 3 => 0.6f, 2 => 0.3f, 1 => 0.1f, _ => 0f };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSubset(ReadOnlySpan<int> required, ReadOnlySpan<int> held)
    {
        var k = 0;
        foreach (var r in required)
        {
            while (k < held.Length && held[k] < r) k++;
            if (k == held.Length || held[k] != r) return false;
            k++;
        }
        return true;
    }

    /// <summary>
    /// Sum of the weights of the job's skills the talent has (both id lists sorted). Summed in double, which holds a
    /// sum of a few floats exactly, so the result does not depend on the order of the ids (the order of indexing).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float CoveredWeight(ReadOnlySpan<int> jobSkills, ReadOnlySpan<float> weights, ReadOnlySpan<int> talentSkills)
    {
        var sum = 0d;
        int i = 0, k = 0;
        while (i < jobSkills.Length && k < talentSkills.Length)
        {
            var a = jobSkills[i];
            var b = talentSkills[k];
            if (a == b) { sum += weights[i]; i++; k++; }
            else if (a < b) i++;
            else k++;
        }
        return MathF.Min(1f, (float)sum);
    }

    public static float Salary(int jobMin, int jobMax, int wantMin, int wantMax)
    {
        if (jobMax == 0 || wantMin == 0) return 0.6f;
        if (jobMax >= wantMin)
        {
            var overlap = Math.Min(jobMax, wantMax) - Math.Max(jobMin, wantMin);
            var span = wantMax - wantMin;
            var fraction = span > 0 ? Math.Clamp((float)overlap / span, 0f, 1f) : 1f;
            return 0.7f + 0.3f * fraction;
        }
        var gap = (float)(wantMin - jobMax) / wantMin;
        return MathF.Max(0f, 0.6f - 2f * gap);
    }

    public static SalaryFit SalaryFitOf(int jobMin, int jobMax, int wantMin, int wantMax) =>
        jobMax == 0 || wantMin == 0 ? SalaryFit.Unknown : jobMax >= wantMin ? SalaryFit.Overlap : SalaryFit.BelowExpectation;

    /// <summary>exp(−age/30) for a posting and exp(−age/90) for a profile, by age in days; older than the table is 0.</summary>
    public static readonly float[] JobRecencyTable = RecencyTable(30f), TalentRecencyTable = RecencyTable(90f);

    private static float[] RecencyTable(float scaleDays) =>
        Enumerable.Range(0, 2048).Select(age => MathF.Exp(-age / scaleDays)).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Recency(int day, int today, float[] table)
    {
        if (day == 0) return 0.5f;
        var age = today - day;
        return age <= 0 ? 1f : (uint)age < (uint)table.Length ? table[age] : 0f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TextOverlap(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length == 0 || b.Length == 0) return 0f;
        var common = TextBigrams.IntersectCount(a, b);
        return common == 0 ? 0f : common / MathF.Sqrt((float)a.Length * b.Length);
    }
}
