using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Skills;

namespace Gongjiang.Matching.Tests.Skills;

public sealed class SkillExtractorFixture
{
    public SkillExtractor Extractor { get; } = new(TaxonomyCatalog.Default);
}

public sealed class SkillExtractorTests(SkillExtractorFixture fixture) : IClassFixture<SkillExtractorFixture>
{
    private readonly SkillExtractor _extractor = fixture.Extractor;

    [Fact]
    public void Skills_and_certificates_of_a_job_description_are_found_in_text_order()
    {
        var result = _extractor.Extract("招聘数控车工：熟悉数控编程，会CAD和SolidWorks，持焊工证、电工上岗证者优先，要求高级工证。");

        Assert.Equal(["数控编程", "CAD", "SolidWorks"], result.Skills.Select(s => s.Name).Where(n => n != "数控车床"));
        Assert.Equal(["焊工证", "电工证", "高级工证"], result.Certificates.Select(c => c.Name));
    }

    [Fact]
    public void Spellings_of_one_skill_are_reported_once_under_its_common_name()
    {
        var result = _extractor.Extract("熟练二保焊，CO2气体保护焊经验5年，会氩弧焊，二保焊优先");

        Assert.Equal(["二氧化碳气体保护焊", "氩弧焊"], result.Skills.Select(s => s.Name));
    }

    [Fact]
    public void Latin_skills_are_matched_as_whole_words_in_any_case()
    {
        var result = _extractor.Extract("熟悉plc编程、ＳｏｌｉｄＷｏｒｋｓ；Autocad 熟练");

        Assert.Contains(result.Skills, s => s.Name == "PLC");
        Assert.Contains(result.Skills, s => s.Name == "SolidWorks");
        Assert.Contains(result.Skills, s => s.Name == "AutoCAD");
        Assert.DoesNotContain(result.Skills, s => s.Name == "CAD");
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        const string text = "本人熟悉ＰＬＣ编程";
        var plc = Assert.Single(_extractor.Extract(text).Skills, s => s.Name == "PLC");

        Assert.Equal("ＰＬＣ", text.Substring(plc.Offset, 3));
    }

    [Theory]
    [InlineData("持有五级/初级工证书", 5)]
    [InlineData("四级/中级工", 4)]
    [InlineData("具有高级工职业资格", 3)]
    [InlineData("取得三级职业技能等级证书", 3)]
    [InlineData("技师及以上职业资格", 2)]
    [InlineData("二级/技师", 2)]
    [InlineData("一级/高级技师", 1)]
    [InlineData("高级技师", 1)]
    [InlineData("四级电工", 4)]
    public void Grade_mentions_give_the_national_grade_number(string text, int grade)
    {
        var mention = Assert.Single(_extractor.Extract(text).Grades);

        Assert.Equal(grade, mention.Grade);
    }

    [Theory]
    [InlineData("高级工程师，负责设备管理")]
    [InlineData("英语四级，计算机二级")]
    [InlineData("一级建造师优先")]
    [InlineData("三级甲等医院工作经历")]
    [InlineData("招聘美容技师")]
    public void Words_that_only_look_like_grades_are_not_grades(string text)
    {
        Assert.Empty(_extractor.Extract(text).Grades);
    }

    [Fact]
    public void A_grade_certificate_is_also_a_grade_mention()
    {
        var result = _extractor.Extract("持高级工证，熟练氩弧焊");

        var certificate = Assert.Single(result.Certificates);
        Assert.Equal(3, certificate.Grade);
        Assert.Equal(3, result.HighestGrade);
    }

    [Fact]
    public void Several_grades_are_listed_once_each_and_the_highest_is_known()
    {
        var result = _extractor.Extract("2015年取得四级/中级工，2019年取得三级/高级工，现备考技师证");

        Assert.Equal([4, 3, 2], result.Grades.Select(g => g.Grade!.Value));
        Assert.Equal(2, result.HighestGrade);
    }

    [Fact]
    public void Skill_items_of_the_national_standards_are_recognised()
    {
        var item = TaxonomyCatalog.Default.SkillItems.First(i => i.Name == "焊接工艺评定" || i.Name.Length >= 6 && !i.Name.Contains("准备") && !i.Name.Contains("培训"));

        var result = _extractor.Extract($"主要负责{item.Name}等工作");

        Assert.Contains(result.Skills, s => s.Name == item.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("🔥🔥🔥")]
    [InlineData("lorem ipsum dolor sit amet")]
    public void Text_without_skills_gives_nothing_and_no_error(string? text)
    {
        var result = _extractor.Extract(text);

        Assert.Empty(result.Skills);
        Assert.Empty(result.Certificates);
        Assert.Empty(result.Grades);
        Assert.Null(result.HighestGrade);
    }

    [Fact]
    public void Very_long_text_is_read_without_error()
    {
        var text = string.Concat(Enumerable.Repeat("熟练氩弧焊，持焊工证，四级/中级工。", 5000));

        var result = _extractor.Extract(text);

        Assert.Single(result.Skills, s => s.Name == "氩弧焊");
        Assert.Single(result.Certificates);
        Assert.Single(result.Grades);
    }
}
