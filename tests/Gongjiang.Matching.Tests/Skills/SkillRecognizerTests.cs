using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Skills;

namespace Gongjiang.Matching.Tests.Skills;

public sealed class SkillRecognizerTests
{
    private const string CncOperator = "6-18-01-07";   // 多工序数控机床操作调整工
    private const string Electrician = "6-31-01-03";   // 电工
    private static readonly SkillRecognizer Recognizer = SkillRecognizer.For(TaxonomyCatalog.Default);

    [Theory]
    [InlineData("CNC编程")]
    [InlineData("数控编程")]
    [InlineData("cnc操机")]
    [InlineData("数控车床编程与操作")]
    public void Everyday_names_of_cnc_work_are_the_standard_item_of_operating_the_machine(string written)
    {
        var hit = Recognizer.Best(written, CncOperator, 4);

        Assert.NotNull(hit);
        Assert.Equal("数控机床操作与调整", hit.ItemName);
        Assert.Equal(CncOperator + "/数控机床操作与调整", hit.ItemId);
        Assert.Equal(written, hit.Written);
        Assert.InRange(hit.Confidence, SkillRecognizer.MinimumConfidence, 0.99);
    }

    [Fact]
    public void An_items_own_name_is_recognised_with_full_confidence()
    {
        var hit = Recognizer.Best("数控加工刀具操作与调整", CncOperator, 4);

        Assert.Equal("数控加工刀具操作与调整", hit?.ItemName);
        Assert.Equal(1.0, hit!.Confidence);
    }

    [Fact]
    public void Electrical_repair_is_the_electricians_item_for_it()
    {
        Assert.Equal("电气设备装调维修", Recognizer.Best("电气维修", Electrician, 4)?.ItemName);
    }

    [Theory]
    [InlineData("二保焊", "二氧化碳气体保护焊")]
    [InlineData("CO2气体保护焊", "二氧化碳气体保护焊")]
    [InlineData("电工证", "低压电工作业证")]
    [InlineData("低压电工证", "低压电工作业证")]
    [InlineData("氩弧焊", "钨极氩弧焊")]
    public void Without_a_standard_item_a_skill_goes_by_its_common_name(string written, string common)
    {
        var hit = Recognizer.Best(written, "6-18-02-04", 4); // 焊工: no standard items in the catalog

        Assert.Equal(common, hit?.ItemName);
        Assert.Equal(SkillRecognizer.CommonNamePrefix + common, hit!.ItemId);
        Assert.Equal("", hit.OccupationCode);
    }

    [Fact]
    public void A_text_of_several_skills_is_read_skill_by_skill_in_order()
    {
        var hits = Recognizer.Recognize("CNC编程、看图纸；二保焊", CncOperator, 4);

        Assert.Equal(["CNC编程", "看图纸", "二保焊"], hits.Select(h => h.Written));
        Assert.Equal("数控机床操作与调整", hits[0].ItemName);
        Assert.Equal("工艺文件执行与调整", hits[1].ItemName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🔥🔥🔥")]
    [InlineData("!!!???")]
    public void Text_without_a_skill_recognises_nothing(string? text)
    {
        Assert.Empty(Recognizer.Recognize(text, CncOperator, 4));
        Assert.Null(Recognizer.Best(text, CncOperator, 4));
        Assert.Null(Recognizer.Best(text, null, null));
    }

    [Fact]
    public void Any_text_is_answered_without_error_and_with_confidences_between_zero_and_one()
    {
        // Random strings over Chinese, Latin, digits, punctuation and emoji, up to 500 characters, with and without an occupation.
        var random = new Random(17);
        var alphabet = "数控编程焊工电证二保氩弧操作维修设备abcxyzCNCPLC0123456789 、,;/🔥😀\u3000\n".EnumerateRunes().Select(r => r.ToString()).ToArray();
        string?[] occupations = [null, CncOperator, Electrician, "6-18-02-04", "not-a-code"];
        for (var n = 0; n < 300; n++)
        {
            var length = random.Next(0, 501);
            var text = string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var hits = Recognizer.Recognize(text, occupations[n % occupations.Length], random.Next(0, 7));
            Assert.All(hits, h => Assert.InRange(h.Confidence, 0.0, 1.0));
        }
        Assert.Null(Recognizer.Best(new string('x', 500), CncOperator, 4));
    }
}
