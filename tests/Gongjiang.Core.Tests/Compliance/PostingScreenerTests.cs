using Gongjiang.Core.Compliance;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Jobs;

namespace Gongjiang.Core.Tests.Compliance;

public sealed class PostingScreenerTests
{
    private static readonly PostingScreener Screener = new();

    /// <summary>A complete, lawful posting: 青岛黄岛区, 焊工, ordinary pay.</summary>
    private static PostingForScreening Clean(string description = "负责压力容器的氩弧焊焊接，按图纸和焊接工艺评定施焊，做好首件自检。") => new()
    {
        Id = "J000045",
        Title = "氩弧焊工（五险一金，包住）",
        Description = description,
        Requirements = "职业技能等级三级/高级工及以上；技能：氩弧焊、焊接工艺评定",
        SalaryMin = 7000,
        SalaryMax = 11000,
        Headcount = 5,
        CityCode = "370211",
        OccupationCode = "6-18-02-04",
        PostedAt = new DateOnly(2026, 7, 1),
        ExpiresAt = new DateOnly(2026, 9, 30),
    };

    private static ScreeningResult ScreenText(string description) => Screener.Screen(Clean(description));

    private static ScreeningFlag Single(ScreeningResult result, string rule)
    {
        var flags = result.For(rule).ToList();
        Assert.True(flags.Count == 1, $"expected one {rule} flag, got: {string.Join(" | ", result.Flags.Select(f => f.Rule + ":" + f.Excerpt))}");
        return flags[0];
    }

    private static void AssertClean(ScreeningResult result) =>
        Assert.True(result.IsClean, "unexpected flags: " + string.Join(" | ", result.Flags.Select(f => f.Rule + ":" + f.Excerpt)));

    [Fact]
    public void A_complete_lawful_posting_passes_without_flags()
    {
        var result = Screener.Screen(Clean());
        AssertClean(result);
        Assert.True(result.CanPublish);
    }

    // ---- gender ----

    [Theory]
    [InlineData("工作强度大，男性优先。", "男性优先")]
    [InlineData("限男，能适应倒班。", "限男")]
    [InlineData("本岗位仅限男性。", "仅限男性")]
    [InlineData("男士优先考虑", "男士优先考虑")]
    [InlineData("女性勿扰", "女性勿扰")]
    [InlineData("性别：男", "性别：男")]
    public void Men_preferred_is_flagged_as_gender_discrimination(string text, string excerpt)
    {
        var flag = Single(ScreenText(text), ScreeningRules.Gender);
        Assert.Equal(excerpt, flag.Excerpt);
        Assert.Equal(FlagSeverity.Block, flag.Severity);
        Assert.Contains("《就业促进法》第二十七条", flag.LegalBasis);
        Assert.Contains("《妇女权益保障法》第四十三条", flag.LegalBasis);
    }

    [Theory]
    [InlineData("女士优先", "女士优先")]
    [InlineData("只招女工，手要巧。", "只招女工")]
    public void Women_only_is_flagged_too_with_the_equal_employment_basis(string text, string excerpt)
    {
        var flag = Single(ScreenText(text), ScreeningRules.Gender);
        Assert.Equal(excerpt, flag.Excerpt);
        Assert.DoesNotContain("妇女权益保障法", flag.LegalBasis);
        Assert.Contains("《就业促进法》", flag.LegalBasis);
    }

    [Theory]
    [InlineData("男 性 优 先", "男 性 优 先")]
    [InlineData("ＱＣ检验员，男＊性优先", "男＊性优先")]
    [InlineData("男生優先", "男生優先")]
    [InlineData("需持C1驾照，男，能出差", "男")]
    [InlineData("Male only, night shift", "Male only")]
    public void Spaced_full_width_and_traditional_evasions_are_still_caught_and_quoted_as_written(string text, string excerpt) =>
        Assert.Equal(excerpt, Single(ScreenText(text), ScreeningRules.Gender).Excerpt);

    [Theory]
    [InlineData("男女不限，欢迎应届生。")]
    [InlineData("负责男装设计打版，熟悉女装面料。")]
    [InlineData("招聘男女普工若干。")]
    [InlineData("提供男女分开的员工宿舍。")]
    [InlineData("男/女均可")]
    [InlineData("要求男女比例协调，班组氛围好。")]
    [InlineData("联系人：人事部李女士。")]
    [InlineData("负责femaleconnector与male插头的压接。")]
    public void Gender_neutral_or_product_wording_is_not_flagged(string text) => AssertClean(ScreenText(text));

    // ---- age ----

    [Theory]
    [InlineData("年龄35岁以下。", "35岁以下")]
    [InlineData("18-35周岁，身体健康。", "18-35周岁")]
    [InlineData("年龄不超过40。", "年龄不超过40")]
    [InlineData("限90后", "限90后")]
    [InlineData("三十五周岁以内", "三十五周岁以内")]
    [InlineData("45岁以上勿扰", "45岁以上勿扰")]
    public void Age_limits_are_flagged(string text, string excerpt)
    {
        var flag = Single(ScreenText(text), ScreeningRules.Age);
        Assert.Contains(excerpt, flag.Excerpt);
        Assert.Contains("《就业促进法》第二十六条", flag.LegalBasis);
    }

    [Theory]
    [InlineData("须年满16周岁。")]
    [InlineData("18周岁以上，持特种作业操作证。")]
    [InlineData("年龄18-60周岁。")]
    [InlineData("年龄不限，3年以上焊接经验。")]
    [InlineData("未满18周岁不予录用。")]
    [InlineData("16-18周岁未成年人不招。")]
    [InlineData("35岁以上的也可以，经验丰富者优先。")]
    [InlineData("员工子女3-6岁可入读企业幼儿园。")]
    public void Legal_minimum_working_age_is_not_age_discrimination(string text) => AssertClean(ScreenText(text));

    [Fact]
    public void Of_a_minimum_and_a_maximum_only_the_maximum_is_flagged() =>
        Assert.Equal("45周岁以下", Single(ScreenText("18周岁以上，45周岁以下。"), ScreeningRules.Age).Excerpt);

    // ---- ethnicity, hukou, marriage, pregnancy, hepatitis B, disability, religion ----

    [Theory]
    [InlineData("限汉族。", ScreeningRules.Ethnicity, "汉族")]
    [InlineData("少数民族勿扰", ScreeningRules.Ethnicity, "少数民族勿扰")]
    [InlineData("要求本地户口。", ScreeningRules.Hukou, "本地户口")]
    [InlineData("限青岛户籍。", ScreeningRules.Hukou, "限青岛户籍")]
    [InlineData("河南人勿扰", ScreeningRules.Hukou, "河南人勿扰")]
    [InlineData("已婚已育优先。", ScreeningRules.MaritalChildbearing, "已婚已育")]
    [InlineData("要求未婚。", ScreeningRules.MaritalChildbearing, "要求未婚")]
    [InlineData("三年内无生育计划。", ScreeningRules.MaritalChildbearing, "无生育计划")]
    [InlineData("孕妇勿扰", ScreeningRules.MaritalChildbearing, "孕妇勿扰")]
    [InlineData("入职体检含孕检。", ScreeningRules.PregnancyTest, "孕检")]
    [InlineData("乙肝携带者勿扰。", ScreeningRules.HepatitisB, "乙肝携带者")]
    [InlineData("大三阳不要。", ScreeningRules.HepatitisB, "大三阳")]
    [InlineData("入职需查乙肝五项。", ScreeningRules.HepatitisB, "乙肝五项")]
    [InlineData("身体残疾者勿扰。", ScreeningRules.Disability, "身体残疾者勿扰")]
    [InlineData("要求四肢健全。", ScreeningRules.Disability, "四肢健全")]
    [InlineData("无宗教信仰。", ScreeningRules.Religion, "宗教信仰")]
    public void Discriminatory_requirements_are_flagged_with_their_rule(string text, string rule, string excerpt)
    {
        var flag = Single(ScreenText(text), rule);
        Assert.Contains(excerpt, flag.Excerpt);
        Assert.Equal(FlagSeverity.Block, flag.Severity);
    }

    [Fact]
    public void Discrimination_flags_cite_the_specific_article()
    {
        Assert.Contains("《就业促进法》第三十条", Single(ScreenText("乙肝勿扰"), ScreeningRules.HepatitisB).LegalBasis);
        Assert.Contains("《妇女权益保障法》第四十三条", Single(ScreenText("需做孕检"), ScreeningRules.PregnancyTest).LegalBasis);
        Assert.Contains("《就业促进法》第二十九条", Single(ScreenText("残疾人勿扰"), ScreeningRules.Disability).LegalBasis);
        Assert.Contains("第三十一条", Single(ScreenText("限本地户籍"), ScreeningRules.Hukou).LegalBasis);
        Assert.Contains("第二十八条", Single(ScreenText("汉族优先"), ScreeningRules.Ethnicity).LegalBasis);
    }

    [Theory]
    [InlineData("公司可协助解决青岛户口，提供人才公寓。")]
    [InlineData("免费接种乙肝疫苗，欢迎乙肝携带者。")]
    [InlineData("享受产检假、婚假、产假。")]
    [InlineData("提供单身公寓和夫妻房。")]
    [InlineData("食堂提供清真窗口，尊重员工宗教信仰。")]
    [InlineData("欢迎残疾人朋友应聘，设有无障碍通道。")]
    [InlineData("缴纳五险一金（养老、医疗、失业、工伤、生育）。")]
    public void Benefits_that_mention_protected_topics_are_not_flagged(string text) => AssertClean(ScreenText(text));

    // ---- fees and deposits ----

    [Theory]
    [InlineData("入职交押金300元，离职退还。", "押金")]
    [InlineData("培训费由求职者承担。", "培训费")]
    [InlineData("服装费从工资中扣除。", "服装费")]
    [InlineData("体检费自理。", "体检费")]
    [InlineData("需交办卡费50元。", "办卡费")]
    [InlineData("身份证原件交公司保管。", "身份证原件交公司保管")]
    public void Money_asked_of_seekers_is_flagged_as_fee_or_deposit(string text, string excerpt)
    {
        var flag = Single(ScreenText(text), ScreeningRules.FeeDeposit);
        Assert.Contains(excerpt, flag.Excerpt);
        Assert.Equal(FlagSeverity.Block, flag.Severity);
        Assert.Contains("《劳动合同法》第九条", flag.LegalBasis);
    }

    [Theory]
    [InlineData("公司承担体检费。")]
    [InlineData("体检费入职后公司报销。")]
    [InlineData("无押金，不收取任何费用。")]
    [InlineData("免费提供岗前培训，培训费全免。")]
    [InlineData("公司缴纳五险一金，住宿费每月100元。")]
    public void Fees_the_employer_bears_are_not_flagged(string text) => AssertClean(ScreenText(text));

    // ---- bait pay ----

    [Fact]
    public void Pay_far_above_the_occupation_norm_in_that_city_is_bait()
    {
        var result = Screener.Screen(Clean() with { SalaryMin = 30000, SalaryMax = 50000 });
        var flag = Single(result, ScreeningRules.BaitPay);
        Assert.Equal(FlagSeverity.Warn, flag.Severity);
        Assert.Contains("30000-50000", flag.Excerpt);
        Assert.True(result.CanPublish); // a warning goes to review, it does not block
    }

    [Fact]
    public void Good_pay_for_a_senior_engineer_in_Shenzhen_is_not_bait()
    {
        var engineer = Clean() with { Title = "芯片设计工程师", OccupationCode = "2-02-09-06", CityCode = "440305", SalaryMin = 25000, SalaryMax = 40000 };
        AssertClean(Screener.Screen(engineer));
    }

    [Theory]
    [InlineData("月入过万轻松，包吃包住。", "月入过万轻松")]
    [InlineData("日结高薪，无需经验。", "日结高薪")]
    [InlineData("无需经验，高薪日结", "无需经验，高薪")]
    public void Bait_wording_is_flagged(string text, string excerpt) =>
        Assert.Contains(excerpt, Single(ScreenText(text), ScreeningRules.BaitPay).Excerpt);

    [Fact]
    public void Norms_observed_on_the_platform_replace_the_defaults()
    {
        var welders = Enumerable.Range(0, 10).Select(i => Clean() with { Id = $"J{i}", SalaryMin = 3000, SalaryMax = 3400 });
        var norms = ObservedPayNorms.FromPostings(welders);
        Assert.Equal(3200, norms.MonthlyMedian("6-18-02-04", "370211"));
        Assert.Equal(3200, norms.MonthlyMedian("6-18-02-01", "370202")); // same minor group, same city
        Assert.Equal(DefaultPayNorms.Instance.MonthlyMedian("6-18-02-04", "110101"), norms.MonthlyMedian("6-18-02-04", "110101"));

        var screener = new PostingScreener(payNorms: norms);
        Assert.True(screener.Screen(Clean() with { SalaryMin = 9000, SalaryMax = 11000 }).Has(ScreeningRules.BaitPay));
    }

    [Theory]
    [InlineData("110105", 1)]
    [InlineData("440305", 1)]
    [InlineData("370211", 2)]
    [InlineData("500103", 2)]
    [InlineData("371300", 3)]
    [InlineData(null, 3)]
    public void City_tiers_follow_the_region_code(string? code, int tier) => Assert.Equal(tier, CityTiers.Of(code));

    // ---- off-platform contact ----

    [Theory]
    [InlineData("有意者请联系13800138000", "13800138000")]
    [InlineData("电话 138-0013-8000 张经理", "138-0013-8000")]
    [InlineData("详情加V咨询", "加V")]
    [InlineData("微信：zhang_hr2026", "微信：zhang_hr2026")]
    [InlineData("QQ 12345678", "QQ 12345678")]
    [InlineData("请拨幺三八零零幺三八零零零", "幺三八零零幺三八零零零")]
    public void Contact_details_that_steer_off_the_platform_are_warned(string text, string excerpt)
    {
        var flag = Single(ScreenText(text), ScreeningRules.OffPlatformContact);
        Assert.Equal(excerpt, flag.Excerpt);
        Assert.Equal(FlagSeverity.Warn, flag.Severity);
    }

    [Theory]
    [InlineData("月薪10000-15000元，年终奖2个月。")]
    [InlineData("参加微电子工艺培训，熟悉微信小程序调试者优先。")]
    [InlineData("2026-07-01起到岗。")]
    public void Numbers_and_words_that_are_not_contacts_are_not_flagged(string text) => AssertClean(ScreenText(text));

    // ---- required fields ----

    [Fact]
    public void Each_missing_required_field_is_reported()
    {
        var empty = new PostingForScreening { Id = "J1", Title = "焊工" };
        var missing = Screener.Screen(empty).For(ScreeningRules.MissingField).Select(f => f.Excerpt).ToList();
        Assert.Equal(["缺少工作内容", "缺少工作地点", "缺少招聘人数", "缺少基本劳动报酬", "缺少招聘条件", "缺少有效期"], missing);
        Assert.True(Screener.Screen(empty).IsBlocked);
    }

    [Fact]
    public void An_unknown_city_code_or_an_expiry_before_posting_is_reported()
    {
        var result = Screener.Screen(Clean() with { CityCode = "999999", ExpiresAt = new DateOnly(2026, 6, 1) });
        Assert.Equal(2, result.For(ScreeningRules.MissingField).Count());
    }

    [Fact]
    public void Requirements_stated_in_the_description_count()
    {
        var result = Screener.Screen(Clean("负责数控车床操作。任职要求：持车工中级证，2年以上经验。") with { Requirements = null });
        Assert.False(result.Has(ScreeningRules.MissingField));
    }

    // ---- policy and mapping ----

    [Fact]
    public void The_policy_decides_which_rules_block_and_which_are_off()
    {
        var policy = ScreeningPolicy.Default.With(ScreeningRules.Age, FlagSeverity.Warn).With(ScreeningRules.OffPlatformContact, null);
        var result = new PostingScreener(policy).Screen(Clean("35岁以下，联系13800138000"));
        Assert.Equal(FlagSeverity.Warn, Single(result, ScreeningRules.Age).Severity);
        Assert.False(result.Has(ScreeningRules.OffPlatformContact));
        Assert.True(result.CanPublish);
    }

    [Fact]
    public void Default_policy_blocks_discrimination_fees_and_missing_fields_and_warns_on_bait_and_contacts()
    {
        var policy = ScreeningPolicy.Default;
        Assert.All(ScreeningRules.Discrimination, r => Assert.Equal(FlagSeverity.Block, policy.SeverityOf(r)));
        Assert.Equal(FlagSeverity.Block, policy.SeverityOf(ScreeningRules.FeeDeposit));
        Assert.Equal(FlagSeverity.Block, policy.SeverityOf(ScreeningRules.MissingField));
        Assert.Equal(FlagSeverity.Warn, policy.SeverityOf(ScreeningRules.BaitPay));
        Assert.Equal(FlagSeverity.Warn, policy.SeverityOf(ScreeningRules.OffPlatformContact));
    }

    [Fact]
    public void A_job_line_from_the_file_contract_is_screened_like_a_posting()
    {
        var line = InterchangeJson.ParseLine<JobLine>(
            """{"id":"J000045","employer_id":"E0012","title":"氩弧焊工（男性优先）","occupation_code":null,"min_grade":3,"skills":[{"name":"氩弧焊","weight":0.5}],"education_min":"secondary_vocational","experience_min_years":2,"city":"370211","salary":{"min":7000,"max":11000},"headcount":5,"posted_at":"2026-07-01","expires_at":"2026-09-30","description":"压力容器焊接"}""",
            out var error);
        Assert.Null(error);
        var posting = PostingForScreening.From(line!);
        Assert.Contains("三级/高级工", posting.Requirements);
        Assert.Contains("中专/技校", posting.Requirements);
        var result = Screener.Screen(posting);
        Assert.Equal([ScreeningRules.Gender], result.Flags.Select(f => f.Rule));
        Assert.Equal("title", result.Flags[0].Field);
    }

    [Fact]
    public void A_job_posting_entity_is_screened_with_its_structured_requirements()
    {
        var job = new JobPosting
        {
            Id = "J2", Title = "数控车工", Description = "操作数控车床加工轴类零件", CityCode = "320505", SalaryMin = 6500, SalaryMax = 9000,
            Headcount = 3, PostedAt = new DateOnly(2026, 7, 1), ExpiresAt = new DateOnly(2026, 8, 31), OccupationCode = "6-18-01-01",
            Skills = [new JobSkill { Name = "数控车床编程", Weight = 0.6 }],
        };
        AssertClean(Screener.Screen(job));
        job.ExpiresAt = null;
        Assert.Equal("缺少有效期", Single(Screener.Screen(job), ScreeningRules.MissingField).Excerpt);
    }
}
