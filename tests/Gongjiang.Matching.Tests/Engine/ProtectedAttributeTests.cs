using Gongjiang.Core.Talent;
using static Gongjiang.Matching.Tests.Engine.SmallMarket;

namespace Gongjiang.Matching.Tests.Engine;

public class ProtectedAttributeTests
{
    private static List<TalentProfile> Pool(Func<int, string?> gender, Func<int, int?> birthYear) =>
        Enumerable.Range(0, 40).Select(i =>
        {
            var t = i % 3 == 0 ? ElectricianTalent($"T{i}", city: Huangdao) : WelderTalent($"T{i}", grade: 1 + i % 5);
            t.ExperienceYears = i % 7;
            t.Gender = gender(i);
            t.BirthYear = birthYear(i);
            return t;
        }).ToList();

    [Fact]
    public void Changing_gender_and_birth_year_changes_no_score_and_no_order()
    {
        var original = Index([WelderJob()], Pool(i => i % 2 == 0 ? "male" : "female", i => 1970 + i));
        var changed = Index([WelderJob()], Pool(i => i % 2 == 0 ? "female" : null, i => i % 2 == 0 ? 2004 : null));

        var a = original.TalentForJob("J1", 50, Options);
        var b = changed.TalentForJob("J1", 50, Options);

        Assert.NotEmpty(a);
        Assert.Equal(a.Select(r => (r.TalentId, r.Score, r.Reasons!.Text)), b.Select(r => (r.TalentId, r.Score, r.Reasons!.Text)));
        foreach (var id in new[] { "T1", "T2" })
            Assert.Equal(original.JobsForTalent(id, 5, Options).Select(r => r.Score), changed.JobsForTalent(id, 5, Options).Select(r => r.Score));
    }

    [Fact]
    public void Editing_only_protected_attributes_leaves_the_ranking_unchanged()
    {
        var talent = Pool(_ => "male", _ => 1980);
        var engine = Index([WelderJob()], talent);
        var before = engine.TalentForJob("J1", 50, Options).Select(r => (r.TalentId, r.Score)).ToArray();

        foreach (var t in talent)
        {
            t.Gender = "female";
            t.BirthYear = 2003;
            engine.Upsert(t);
        }

        Assert.Equal(before, engine.TalentForJob("J1", 50, Options).Select(r => (r.TalentId, r.Score)));
    }
}
