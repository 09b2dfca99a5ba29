using Gongjiang.Core.Taxonomy;
using Gongjiang.Market;

namespace Gongjiang.Core.Tests.Market;

/// <summary>The benchmark market's truth depends on what the postings and profiles show only through noise or text.</summary>
public sealed class HiddenTruthTests
{
    private readonly SyntheticMarket _market = MarketGenerator.Generate(MarketSpec.Benchmark(5, talent: 8_000, jobs: 1_200), TaxonomyCatalog.Default);

    [Fact]
    public void The_benchmark_withholds_occupation_codes_on_a_realistic_share_and_the_demo_zone_keeps_them()
    {
        var codeless = _market.Jobs.Count(j => j.OccupationCode is null) / (double)_market.JobCount;
        var unplaced = _market.Talent.Count(t => t.Occupations.Count == 0) / (double)_market.TalentCount;
        Assert.InRange(codeless, 0.40, 0.50);
        Assert.InRange(unplaced, 0.26, 0.34);
        Assert.All(_market.Talent.Where(t => t.Occupations.Count == 0), t => Assert.NotEmpty(t.DesiredTitles));

        var demo = MarketGenerator.Generate(new MarketSpec(40, 300, 1_000, Seed: 5), TaxonomyCatalog.Default);
        Assert.All(demo.Jobs, j => Assert.NotNull(j.OccupationCode));
        Assert.All(demo.Talent, t => Assert.NotEmpty(t.Occupations));
    }

    [Fact]
    public void Seekers_whose_resume_shows_strong_work_fit_better_than_those_whose_resume_shows_weak_work()
    {
        string[] strong = ["技能竞赛", "优秀员工", "带过", "工艺改进"];
        string[] weak = ["换过四份", "时间较短", "离开了本行业", "辅助性工作"];
        double strongSum = 0, weakSum = 0;
        int strongCount = 0, weakCount = 0;
        for (var j = 0; j < _market.JobCount; j++)
            foreach (var r in _market.RelevantTalent(j).Where(r => r.Relevance >= 2 || _market.OccupationOfTalent(r.Index) == _market.OccupationOfJob(j)))
            {
                var resume = _market.TalentAt(r.Index).ResumeText;
                if (strong.Any(resume.Contains)) { strongSum += r.Relevance; strongCount++; }
                else if (weak.Any(resume.Contains)) { weakSum += r.Relevance; weakCount++; }
            }
        Assert.True(strongCount > 100 && weakCount > 100, $"{strongCount} strong, {weakCount} weak");
        Assert.True(strongSum / strongCount > weakSum / weakCount + 0.2, $"strong {strongSum / strongCount:0.00}, weak {weakSum / weakCount:0.00}");
    }
}
