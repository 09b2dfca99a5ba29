using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Core.Tests.Taxonomy;

/// <summary>The 大典 glues its marks to names (L 绿色职业, S 数字职业, L/S both); pages show the name without them.</summary>
public sealed class OccupationMarksTests
{
    [Theory]
    [InlineData("工业机器人系统操作员S", "工业机器人系统操作员")]
    [InlineData("地理信息系统工程技术人员L/S", "地理信息系统工程技术人员")]
    [InlineData("碳排放管理员L", "碳排放管理员")]
    [InlineData("焊工", "焊工")]
    [InlineData("PLC", "PLC")]
    public void A_name_loses_its_glued_marks(string name, string plain) => Assert.Equal(plain, Occupation.StripMarks(name));

    [Fact]
    public void Every_marked_name_of_the_catalogue_has_its_flag_and_no_plain_name_ends_in_a_mark()
    {
        var occupations = TaxonomyCatalog.Default.Occupations.Where(o => o.Level == 4).ToList();
        var marked = occupations.Where(o => o.Name != o.PlainName).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, o => Assert.True(o.Name.EndsWith('L') ? o.ShowsGreen : o.ShowsDigital, $"{o.Code} {o.Name} shows no tag for its mark"));
        Assert.All(marked.Where(o => o.Name.EndsWith("L/S", StringComparison.Ordinal)), o => Assert.True(o.ShowsGreen && o.ShowsDigital, o.Name));
        Assert.All(occupations, o => Assert.False(o.PlainName.EndsWith('S') || o.PlainName.EndsWith('L'), $"{o.Code} {o.PlainName}"));
    }
}
