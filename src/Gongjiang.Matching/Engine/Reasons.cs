using System.Globalization;
using System.Text;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Matching.Engine;

/// <summary>Explanations, built only for the results a query returns.</summary>
internal static class Reasons
{
    private const int ListedSkills = 3;

    /// <param name="writtenSkills">The job's standard items and the skills as written that were recognised as them: a matched
    /// item is named "CNC编程 → 数控机床操作与调整".</param>
    public static MatchReasons Build(scoped in JobView j, scoped in TalentView t, in MatchFeatures f, MatchingEngine engine, List<string>? localNames,
        IReadOnlyDictionary<string, string>? writtenSkills = null)
    {
        ref readonly var jr = ref j.Row;
        ref readonly var tr = ref t.Row;
        var taxonomy = engine.Taxonomy;

        // The talent's occupation closest to the job's: held before desired, better grade first.
        int closest = 0, closestGrade = 0;
        var closestScore = -1f;
        for (var i = 0; i < t.Occupations.Length; i++)
        {
            var code = PackedOccupation.Code(t.Occupations[i]);
            var g = PackedOccupation.Grade(t.Occupations[i]);
            var score = Scoring.LevelScore(OccupationInt.SharedLevels(jr.Occupation, code)) * Scoring.OccupationFactor(i, g);
            var better = score > closestScore
                || (score == closestScore && g != PackedOccupation.Desired && g != 0 && (closestGrade == 0 || closestGrade == PackedOccupation.Desired || g < closestGrade));
            if (better) { closest = code; closestGrade = g; closestScore = score; }
        }
        Scoring.Proximity(jr.Occupation, t.Occupations, out var held);
        var levels = OccupationInt.SharedLevels(jr.Occupation, closest);
        var desiredOnly = closest != 0 && closestGrade == PackedOccupation.Desired;

        // Skills in the job's order of weight, equal weights by name: skill ids depend on the order records were
        // indexed in, and the same pair must read the same after a rebuild.
        var order = new int[j.Skills.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var weights = j.Weights.ToArray();
        var names = new string[order.Length];
        for (var i = 0; i < names.Length; i++) names[i] = Encoder.Name(j.Skills[i], engine.SkillNames, localNames);
        Array.Sort(order, (a, b) => weights[b] != weights[a] ? weights[b].CompareTo(weights[a]) : string.CompareOrdinal(names[a], names[b]));
        var matched = new List<string>();
        var missing = new List<string>();
        foreach (var i in order)
        {
            var name = writtenSkills is not null && writtenSkills.TryGetValue(names[i], out var written) ? written + " → " + names[i] : names[i];
            if (j.Skills[i] >= 0 && t.Skills.BinarySearch(j.Skills[i]) >= 0) matched.Add(name);
            else missing.Add(name);
        }

        var salary = Scoring.SalaryFitOf(jr.SalaryMin, jr.SalaryMax, tr.SalaryMin, tr.SalaryMax);
        var location = jr.Region != 0 && tr.Region == jr.Region ? LocationFit.SameDistrict
            : tr.City == jr.City ? LocationFit.SameCity : LocationFit.WillingToMove;
        var jobCity = engine.CityName(jr.City);

        var text = new StringBuilder();
        if (closest != 0 && levels > 0)
        {
            var name = taxonomy.OccupationName(closest) ?? "";
            text.Append(desiredOnly ? "意向" : "").Append(name).Append('(').Append(OccupationInt.Format(closest)).Append(')');
            if (held != 0) text.Append(SkillGrade.ShortChineseName(held));
            if (jr.MinGrade != 0) text.Append(held != 0 ? "≥" : "").Append("要求").Append(SkillGrade.ShortChineseName(jr.MinGrade));
            if (levels < 4)
                text.Append(levels switch { 3 => ", 同小类", 2 => ", 同中类", _ => ", 同大类" })
                    .Append(taxonomy.OccupationName(jr.Occupation) is { } jobName ? "于" + jobName : "");
        }
        else if (jr.Occupation != 0)
        {
            text.Append("职业不同");
            if (held != 0 && jr.MinGrade != 0) text.Append(", ").Append(SkillGrade.ShortChineseName(held)).Append("≥要求").Append(SkillGrade.ShortChineseName(jr.MinGrade));
        }
        else if (f.Text > 0) text.Append("职位名称相关");

        if (j.Skills.Length > 0)
        {
            Separate(text).Append(matched.Count > 0 || missing.Count > 0 ? "技能匹配" : "").Append(jr.SkillsFromStandard ? "(国家标准)" : "")
                .Append(' ').Append(matched.Count).Append('/').Append(j.Skills.Length);
            if (matched.Count > 0) text.Append(": ").Append(string.Join(',', matched.Take(ListedSkills))).Append(matched.Count > ListedSkills ? ",…" : "");
            if (missing.Count > 0) text.Append("; 缺: ").Append(string.Join(',', missing.Take(ListedSkills))).Append(missing.Count > ListedSkills ? ",…" : "");
        }

        if (jr.ExperienceMin > 0 && tr.ExperienceYears < jr.ExperienceMin)
            Separate(text).Append("经验").Append(Years(tr.ExperienceYears)).Append("年<要求").Append(Years(jr.ExperienceMin)).Append('年');

        Separate(text).Append(salary switch { SalaryFit.Overlap => "薪资重叠", SalaryFit.BelowExpectation => "薪资低于期望", _ => "薪资面议" });
        Separate(text).Append(location switch { LocationFit.SameDistrict => "同区", LocationFit.SameCity => "同城", _ => "愿往" + jobCity });

        return new MatchReasons
        {
            OccupationCode = closest != 0 ? OccupationInt.Format(closest) : null,
            OccupationName = taxonomy.OccupationName(closest),
            JobOccupationCode = jr.Occupation != 0 ? OccupationInt.Format(jr.Occupation) : null,
            Proximity = (OccupationProximity)levels,
            OccupationFromDesiredTitle = desiredOnly,
            GradeHeld = held != 0 ? held : null,
            GradeRequired = jr.MinGrade != 0 ? jr.MinGrade : null,
            MatchedSkills = matched,
            MissingSkills = missing,
            SkillsFromStandard = jr.SkillsFromStandard,
            Salary = salary,
            Location = location,
            JobCity = jobCity,
            ExperienceYears = tr.ExperienceYears,
            ExperienceRequired = jr.ExperienceMin > 0 ? jr.ExperienceMin : null,
            Text = text.ToString(),
        };
    }

    private static StringBuilder Separate(StringBuilder text) => text.Length > 0 ? text.Append("; ") : text;

    private static string Years(float years) => years.ToString("0.#", CultureInfo.InvariantCulture);
}
