using Gongjiang.Matching.Engine;
using static Gongjiang.Matching.Tests.Engine.SmallMarket;

namespace Gongjiang.Matching.Tests.Engine;

public class ReasonTests
{
    [Fact]
    public void Reasons_name_the_grade_the_matched_and_missing_skills_salary_and_location()
    {
        var engine = Index([WelderJob()], [WelderTalent()]);

        var result = Assert.Single(engine.TalentForJob("J1", 10, Options));
        var reasons = result.Reasons!;

        Assert.Equal("焊工(6-18-02-04)三级≥要求四级; 技能匹配 3/4: 氩弧焊,二氧化碳气体保护焊,识图; 缺: 焊接工艺评定; 薪资重叠; 同区", reasons.Text);
        Assert.Equal(["氩弧焊", "二氧化碳气体保护焊", "识图"], reasons.MatchedSkills);
        Assert.Equal(["焊接工艺评定"], reasons.MissingSkills);
        Assert.Equal(3, reasons.GradeHeld);
        Assert.Equal(4, reasons.GradeRequired);
        Assert.Equal(OccupationProximity.SameOccupation, reasons.Proximity);
        Assert.Equal(SalaryFit.Overlap, reasons.Salary);
        Assert.Equal(LocationFit.SameDistrict, reasons.Location);
        Assert.Equal(0.8f, result.Features.Skills, 3);
    }

    [Fact]
    public void A_written_skill_recognised_as_a_standard_item_counts_the_item_as_matched_and_says_which_matched_which()
    {
        var job = ElectricianJob("J-cnc");
        job.OccupationCode = "6-18-01-07";
        job.Skills = [new() { Name = "CNC编程", Weight = 0.6, StandardItem = "数控机床操作与调整" }, new() { Name = "看图纸", Weight = 0.4 }];
        var holder = ElectricianTalent("T-item");
        holder.Occupations[0].Code = "6-18-01-07";
        holder.Skills = ["数控机床操作与调整"];
        var writer = ElectricianTalent("T-written");
        writer.Occupations[0].Code = "6-18-01-07";
        writer.Skills = ["数控编程"];
        writer.SkillItems = ["数控机床操作与调整"];
        var engine = Index([job], [holder, writer]);

        var results = engine.TalentForJob("J-cnc", 10, Options);
        var drafted = engine.TalentForJob(job, 10, Options);

        Assert.Equal(2, results.Count);
        foreach (var result in results.Concat(drafted))
        {
            Assert.Equal(["CNC编程 → 数控机床操作与调整"], result.Reasons!.MatchedSkills);
            Assert.Equal(["看图纸"], result.Reasons.MissingSkills);
            Assert.Contains("技能匹配 1/2: CNC编程 → 数控机床操作与调整; 缺: 看图纸", result.Reasons.Text);
            Assert.Equal(0.6f, result.Features.Skills, 3);
        }
        var forTalent = Assert.Single(engine.JobsForTalent("T-written", 10, Options));
        Assert.Equal(["CNC编程 → 数控机床操作与调整"], forTalent.Reasons!.MatchedSkills);
    }

    [Fact]
    public void A_talent_moving_from_another_city_is_told_so_and_a_low_offer_is_flagged()
    {
        var talent = WelderTalent(city: Lixia);
        talent.WillingCities = [Qingdao];
        talent.ExpectedSalaryMin = 12000;
        talent.ExpectedSalaryMax = 15000;
        var engine = Index([WelderJob()], [talent]);

        var reasons = Assert.Single(engine.JobsForTalent("T1", 10, Options)).Reasons!;

        Assert.Equal(LocationFit.WillingToMove, reasons.Location);
        Assert.Equal(SalaryFit.BelowExpectation, reasons.Salary);
        Assert.EndsWith("薪资低于期望; 愿往青岛市", reasons.Text);
    }

    [Fact]
    public void A_job_without_skills_is_compared_on_its_occupations_national_standard()
    {
        var engine = Index([ElectricianJob()], [ElectricianTalent()]);

        var reasons = Assert.Single(engine.TalentForJob("J2", 10, Options)).Reasons!;

        // The 四级 items of the national standard for 电工.
        Assert.True(reasons.SkillsFromStandard);
        Assert.Equal(["电气设备装调维修", "继电控制电路装调维修"], reasons.MatchedSkills.Order(StringComparer.Ordinal));
        Assert.Equal(["基本电子电路装调维修", "自动控制电路装调维修"], reasons.MissingSkills.Order(StringComparer.Ordinal));
        Assert.Contains("技能匹配(国家标准) 2/4", reasons.Text);
    }

    [Fact]
    public void A_sibling_occupation_is_explained_as_the_same_minor_group_and_ranks_below_the_exact_one()
    {
        var sibling = WelderTalent("T-heat");
        sibling.Occupations[0].Code = HeatTreater;
        sibling.DesiredTitles = [];
        var exact = WelderTalent("T-weld");
        exact.DesiredTitles = [];
        var engine = Index([WelderJob()], [sibling, exact]);

        var results = engine.TalentForJob("J1", 10, Options);

        Assert.Equal(["T-weld", "T-heat"], Ids(results));
        Assert.Equal(OccupationProximity.SameMinorGroup, results[1].Reasons!.Proximity);
        Assert.StartsWith("金属热处理工(6-18-02-03)三级≥要求四级, 同小类于焊工", results[1].Reasons!.Text);
    }
}
