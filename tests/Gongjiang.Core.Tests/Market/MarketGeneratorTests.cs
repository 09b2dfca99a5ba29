using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Market;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Core.Tests.Market;

public sealed class MarketFixture
{
    public TaxonomyCatalog Catalog { get; } = TaxonomyCatalog.Default;
    public SyntheticMarket Demo { get; }

    public MarketFixture() => Demo = MarketGenerator.Generate(new MarketSpec(300, 3_000, 20_000, Seed: 42), Catalog);
}

public sealed class MarketGeneratorTests(MarketFixture fixture) : IClassFixture<MarketFixture>
{
    private readonly TaxonomyCatalog _catalog = fixture.Catalog;
    private readonly SyntheticMarket _market = fixture.Demo;

    [Fact]
    public void The_same_seed_gives_the_same_market()
    {
        var spec = new MarketSpec(50, 400, 1_500, Seed: 7);
        var a = MarketGenerator.Generate(spec, _catalog);
        var b = MarketGenerator.Generate(spec, _catalog);
        Assert.Equal(a.Employers.Select(Describe), b.Employers.Select(Describe));
        Assert.Equal(a.Jobs.Select(Describe), b.Jobs.Select(Describe));
        Assert.Equal(a.Talent.Select(Describe), b.Talent.Select(Describe));
        Assert.Equal(a.Contacts.Select(c => $"{c.TalentId}|{c.Name}|{c.Phone}"), b.Contacts.Select(c => $"{c.TalentId}|{c.Name}|{c.Phone}"));
        Assert.Equal(Describe(a.JobAt(17)), Describe(a.Jobs[17]));
        Assert.Equal(Describe(a.TalentAt(99)), Describe(a.Talent[99]));
        var outcomesA = MarketGenerator.GenerateOutcomes(a, 3, 50).Select(o => $"{o.JobId}|{o.TalentId}|{o.Stage}|{o.At:O}");
        var outcomesB = MarketGenerator.GenerateOutcomes(b, 3, 50).Select(o => $"{o.JobId}|{o.TalentId}|{o.Stage}|{o.At:O}");
        Assert.Equal(outcomesA, outcomesB);
    }

    [Fact]
    public void A_different_seed_gives_a_different_market()
    {
        var a = MarketGenerator.Generate(new MarketSpec(20, 100, 200, Seed: 1), _catalog);
        var b = MarketGenerator.Generate(new MarketSpec(20, 100, 200, Seed: 2), _catalog);
        Assert.NotEqual(a.Jobs.Select(Describe), b.Jobs.Select(Describe));
    }

    [Fact]
    public void The_demo_market_has_the_requested_sizes_and_padded_ids()
    {
        Assert.Equal(300, _market.Employers.Count);
        Assert.Equal(3_000, _market.Jobs.Count);
        Assert.Equal(20_000, _market.Talent.Count);
        Assert.Equal(20_000, _market.Contacts.Count);
        Assert.Equal("E0001", _market.Employers[0].Id);
        Assert.Equal("J000001", _market.Jobs[0].Id);
        Assert.Equal("T0000001", _market.Talent[0].Id);
        Assert.Equal("T0020000", _market.Talent[^1].Id);
        Assert.True(_market.TryGetTalentIndex("T0000123", out var t) && t == 122);
        Assert.Equal(_market.Talent.Count, _market.Talent.Select(p => p.Id).Distinct().Count());
        Assert.Equal(_market.Employers.Count, _market.Employers.Select(e => e.Name).Distinct().Count());
        Assert.Equal(_market.Contacts.Count, _market.Contacts.Select(c => c.Phone).Distinct().Count());
    }

    [Fact]
    public void Every_occupation_city_and_major_exists_in_the_catalog()
    {
        foreach (var job in _market.Jobs)
        {
            Assert.NotNull(_catalog.FindOccupation(job.OccupationCode));
            Assert.NotNull(_catalog.FindRegion(job.CityCode));
        }
        foreach (var profile in _market.Talent)
        {
            Assert.All(profile.Occupations, o => Assert.NotNull(_catalog.FindOccupation(o.Code)));
            Assert.NotNull(_catalog.FindRegion(profile.CityCode));
            Assert.All(profile.WillingCities, c => Assert.NotNull(_catalog.FindRegion(c)));
            if (profile.Education.MajorCode is { } major) Assert.True(_catalog.MajorsByCode.ContainsKey(major), major);
        }
        foreach (var employer in _market.Employers)
        {
            Assert.NotNull(_catalog.FindRegion(employer.CityCode));
            Assert.True(IndustryClusters.IsKnown(employer.IndustryCluster));
        }
        Assert.Equal(IndustryClusters.All.Count, _market.Employers.Select(e => e.IndustryCluster).Distinct().Count());
    }

    [Fact]
    public void Every_credit_code_has_a_valid_check_character_and_its_employer_district()
    {
        const string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        foreach (var employer in _market.Employers)
        {
            var code = employer.Uscc;
            Assert.Equal(18, code.Length);
            var sum = 0;
            for (var i = 0; i < 17; i++) sum += charset.IndexOf(code[i]) * weights[i];
            Assert.Equal(charset[(31 - sum % 31) % 31], code[17]);
            Assert.Equal(employer.CityCode, code.Substring(2, 6));
        }
        Assert.Equal(_market.Employers.Count, _market.Employers.Select(e => e.Uscc).Distinct().Count());
    }

    [Fact]
    public void Salaries_are_ordered_and_in_plausible_monthly_ranges()
    {
        Assert.All(_market.Jobs, j => Assert.InRange(j.SalaryMin, 3_000, j.SalaryMax));
        Assert.All(_market.Jobs, j => Assert.InRange(j.SalaryMax, j.SalaryMin, 80_000));
        Assert.All(_market.Talent, t => Assert.True(t.ExpectedSalaryMin <= t.ExpectedSalaryMax));
        var welders = _market.Jobs.Where(j => j.OccupationCode == "6-18-02-04" && j.MinGrade == 3).ToList();
        Assert.NotEmpty(welders);
        Assert.InRange(welders.Average(j => (j.SalaryMin + j.SalaryMax) / 2.0), 8_000, 14_000);
    }

    [Fact]
    public void Postings_carry_no_discriminatory_wording()
    {
        string[] banned = ["男", "女", "岁以下", "户口"];
        foreach (var job in _market.Jobs)
            foreach (var word in banned)
            {
                Assert.DoesNotContain(word, job.Title);
                Assert.DoesNotContain(word, job.Description);
            }
    }

    [Fact]
    public void Postings_have_the_three_description_sections_and_standard_skills()
    {
        Assert.All(_market.Jobs, j =>
        {
            Assert.Contains("工作内容", j.Description);
            Assert.Contains("任职要求", j.Description);
            Assert.Contains("福利", j.Description);
            Assert.NotEmpty(j.Skills);
            Assert.InRange(j.Skills.Sum(s => s.Weight), 0.98, 1.02);
        });
        // A lathe posting at grade 3 lists items of the national standard for 车工 at that grade.
        var lathe = _market.Jobs.First(j => j.OccupationCode == "6-18-01-01" && j.MinGrade is not null);
        var standard = _catalog.SkillItemsFor("6-18-01-01", lathe.MinGrade!.Value).Select(i => i.Name).ToHashSet();
        Assert.Contains(lathe.Skills, s => standard.Contains(s.Name));
    }

    [Fact]
    public void Demand_is_skewed_towards_the_core_trades()
    {
        var byOccupation = _market.Jobs.GroupBy(j => j.OccupationCode).Select(g => (Code: g.Key!, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        var top10 = byOccupation.Take(10).Sum(g => g.Count);
        Assert.True(top10 > _market.JobCount * 0.35, $"top 10 occupations hold {top10} of {_market.JobCount}");
        Assert.Contains(byOccupation.Take(10), g => g.Code is "6-31-01-03" or "6-18-02-04");
    }

    [Fact]
    public void Most_people_and_employers_are_in_the_zone_city_with_a_tail_elsewhere()
    {
        var inZone = _market.Talent.Count(t => _catalog.CityOf(t.CityCode) == "370200");
        Assert.InRange(inZone, _market.TalentCount * 0.5, _market.TalentCount * 0.7);
        Assert.True(_market.Talent.Select(t => t.CityCode[..2]).Distinct().Count() > 8);
        Assert.True(_market.Employers.Count(e => _catalog.CityOf(e.CityCode) == "370200") > _market.Employers.Count * 0.75);
    }

    [Fact]
    public void Most_postings_are_open_and_most_employers_verified()
    {
        Assert.InRange(_market.Jobs.Count(j => j.Status == JobStatus.Open), _market.JobCount * 0.78, _market.JobCount * 0.92);
        Assert.All(_market.Jobs.Where(j => j.Status == JobStatus.Open), j => Assert.True(j.IsOpenOn(_market.Spec.EffectiveToday)));
        Assert.All(_market.Jobs.Where(j => j.Status == JobStatus.Expired), j => Assert.True(j.ExpiresAt < _market.Spec.EffectiveToday));
        Assert.InRange(_market.Employers.Count(e => e.Verification == VerificationStatus.Verified), 270, 299);
        var jobEmployers = _market.Jobs.Select(j => j.EmployerId).ToHashSet();
        Assert.All(_market.Employers.Where(e => jobEmployers.Contains(e.Id)), e => Assert.True(e.CanPublish));
    }

    [Fact]
    public void Ages_and_education_are_consistent()
    {
        var year = _market.Spec.EffectiveToday.Year;
        Assert.All(_market.Talent, t =>
        {
            Assert.InRange(year - t.BirthYear!.Value, 18, 62);
            Assert.True(t.Education.GraduationYear <= year);
        });
        var engineers = _market.Talent.Where(t => t.Occupations[0].Code.StartsWith("2-02", StringComparison.Ordinal)).ToList();
        Assert.True(engineers.Count(t => t.Education.Level >= EducationLevel.Bachelor) > engineers.Count / 2);
    }

    [Fact]
    public void Most_postings_have_fitting_candidates_and_relevance_agrees_with_the_lists()
    {
        var withTop = 0;
        var withAny = 0;
        for (var j = 0; j < 300; j++)
        {
            var relevant = _market.RelevantTalent(j);
            if (relevant.Count > 0) withAny++;
            if (relevant.Any(r => r.Relevance == 3)) withTop++;
            foreach (var r in relevant.Take(20)) Assert.Equal(r.Relevance, _market.Relevance(j, r.Index));
            var counts = _market.RelevantTalentCounts(j);
            Assert.Equal((relevant.Count(r => r.Relevance == 1), relevant.Count(r => r.Relevance == 2), relevant.Count(r => r.Relevance == 3)),
                (counts.One, counts.Two, counts.Three));
        }
        Assert.True(withAny > 270, $"{withAny} of 300 postings have candidates");
        Assert.True(withTop > 200, $"{withTop} of 300 postings have a fully fitting candidate");

        // Nobody outside the lists is relevant.
        var listed = _market.RelevantTalent(5).Select(r => r.Index).ToHashSet();
        for (var t = 0; t < _market.TalentCount; t += 7)
            if (!listed.Contains(t)) Assert.Equal(0, _market.Relevance(5, t));

        var seekersWithJobs = Enumerable.Range(0, 300).Count(t => _market.RelevantJobs(t).Count > 0);
        Assert.True(seekersWithJobs > 200, $"{seekersWithJobs} of 300 seekers have open jobs that fit");
    }

    [Fact]
    public void Outcomes_follow_the_funnel_and_favour_relevant_pairs()
    {
        var outcomes = MarketGenerator.GenerateOutcomes(_market, seed: 11, jobsSampled: 400);
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.True(o.At <= _market.Spec.EffectiveToday.ToDateTime(new TimeOnly(23, 59, 59))));
        Assert.Contains(outcomes, o => o.Stage == OutcomeStage.Hired);
        double HireRate(Func<int, bool> relevance)
        {
            var pairs = outcomes.Where(o => o.Stage == OutcomeStage.Recommended).Select(o => (o.JobId, o.TalentId))
                .Where(p => _market.TryGetJobIndex(p.JobId, out var j) && _market.TryGetTalentIndex(p.TalentId, out var t) && relevance(_market.Relevance(j, t))).ToHashSet();
            var hires = outcomes.Count(o => o.Stage == OutcomeStage.Hired && pairs.Contains((o.JobId, o.TalentId)));
            return pairs.Count == 0 ? 0 : (double)hires / pairs.Count;
        }
        Assert.True(HireRate(r => r == 3) > HireRate(r => r == 0) * 3);
        // Each pair's stages are in time order.
        foreach (var pair in outcomes.GroupBy(o => (o.JobId, o.TalentId)))
            Assert.Equal(pair.Select(o => o.At), pair.Select(o => o.At).Order());
    }

    private static string Describe(Employer e) => $"{e.Id}|{e.Name}|{e.Uscc}|{e.CityCode}|{e.IndustryCluster}|{e.EnterpriseType}|{e.Verification}";

    private static string Describe(JobPosting j) =>
        $"{j.Id}|{j.EmployerId}|{j.Title}|{j.OccupationCode}|{j.MinGrade}|{string.Join(',', j.Skills.Select(s => s.Name + s.Weight))}|{j.CityCode}|{j.SalaryMin}-{j.SalaryMax}|{j.PostedAt}|{j.Status}|{j.Description}";

    private static string Describe(Gongjiang.Core.Talent.TalentProfile t) =>
        $"{t.Id}|{t.Gender}|{t.BirthYear}|{t.CityCode}|{string.Join(',', t.WillingCities)}|{t.Education.Level}|{t.Education.MajorCode}|{t.Education.School}|"
        + $"{string.Join(',', t.Occupations.Select(o => o.Code + o.Grade))}|{string.Join(',', t.Skills)}|{t.ExperienceYears}|{t.ExpectedSalaryMin}|{t.ResumeText}";
}
