using Gongjiang.Core.Talent;
using Gongjiang.Matching.Engine;
using static Gongjiang.Matching.Tests.Engine.SmallMarket;

namespace Gongjiang.Matching.Tests.Engine;

public class QueryTests
{
    [Fact]
    public void A_profile_without_occupations_finds_jobs_through_its_desired_titles_and_skills()
    {
        var seeker = new TalentProfile
        {
            Id = "T-new", CityCode = Huangdao, DesiredTitles = ["氩弧焊工"], Skills = ["氩弧焊"], IsActive = true,
        };
        var engine = Index([WelderJob(), ElectricianJob("J-qd")], [seeker]);
        engine.Upsert(new Gongjiang.Core.Jobs.JobPosting
        {
            Id = "J-open", Title = "焊工学徒", OccupationCode = Welder, CityCode = Qingdao, SalaryMin = 4000, SalaryMax = 5000,
            PostedAt = Today, Status = Gongjiang.Core.Jobs.JobStatus.Open,
        });

        var results = engine.JobsForTalent("T-new", 10, Options);

        // J1 requires a grade the seeker does not hold; the grade-free posting is found through the title alone.
        var top = Assert.Single(results);
        Assert.Equal("J-open", top.JobId);
        Assert.True(top.Features.Text > 0);
        Assert.True(top.Features.Occupation > 0); // 焊工学徒 and the desired title 氩弧焊工 → 焊工 via the official aliases or the title overlap
    }

    [Fact]
    public void Unknown_ids_give_empty_results_not_errors()
    {
        var engine = Index([WelderJob()], [WelderTalent()]);

        Assert.Empty(engine.TalentForJob("J-none", 10, Options));
        Assert.Empty(engine.JobsForTalent("T-none", 10, Options));
        Assert.Null(engine.Explain("J-none", "T1", Options));
        Assert.False(engine.Remove("nobody"));
    }

    [Fact]
    public void A_job_not_in_the_index_can_be_matched_without_being_added()
    {
        var engine = Index([], [WelderTalent("T1"), ElectricianTalent("T2")]);
        var draft = WelderJob("J-draft");
        draft.Skills.Add(new() { Name = "水下焊接", Weight = 0.3 });

        var result = Assert.Single(engine.TalentForJob(draft, 10, Options));

        Assert.Equal("T1", result.TalentId);
        Assert.Contains("水下焊接", result.Reasons!.MissingSkills);
        Assert.Equal(0, engine.JobCount);
        Assert.Empty(engine.JobsForTalent("T1", 10, Options));
    }

    [Fact]
    public void Non_personalized_mode_ranks_by_recency_within_the_chosen_city_and_ignores_the_profile()
    {
        var older = WelderJob("J-old");
        older.PostedAt = Today.AddDays(-40);
        var engine = Index([older, WelderJob("J-new"), ElectricianJob("J-jinan")], [WelderTalent("T1"), ElectricianTalent("T2")]);
        var options = Options with { NonPersonalized = true, Cities = [Qingdao] };

        var forWelder = engine.JobsForTalent("T1", 10, options);
        var forElectrician = engine.JobsForTalent("T2", 10, options);

        Assert.Equal(["J-new", "J-old"], Ids(forWelder, talent: false));
        Assert.Equal(forWelder.Select(r => (r.JobId, r.Score)), forElectrician.Select(r => (r.JobId, r.Score)));
        Assert.StartsWith("非个性化推荐", forWelder[0].Reasons!.Text);
    }

    [Fact]
    public void A_reranker_reorders_the_first_stage_candidates()
    {
        var engine = Index([WelderJob()], [WelderTalent("T-senior", grade: 1), WelderTalent("T-mid", grade: 4)]);
        Assert.Equal("T-mid", engine.TalentForJob("J1", 2, Options)[0].TalentId); // exact grade fits best by hand weights

        var salaryOnly = new HandWeights { Occupation = 0, Grade = -1, Skills = 0, Experience = 0, Salary = 0, JobRecency = 0, TalentRecency = 0, Text = 0, Location = 0 };
        var reranked = engine.TalentForJob("J1", 2, Options with { Reranker = salaryOnly });

        Assert.Equal("T-senior", reranked[0].TalentId);
    }

    [Fact]
    public void Features_of_a_pair_are_exposed_for_a_learned_ranker()
    {
        var engine = Index([WelderJob()], [WelderTalent()]);

        var pair = engine.Explain("J1", "T1", Options)!;
        var values = pair.Features.ToArray();

        Assert.Equal(MatchFeatures.Count, values.Length);
        Assert.All(values, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(1f, pair.Features.Occupation);
        Assert.Equal(HandWeights.Default.Score(pair.Features), pair.Score);
    }
}
