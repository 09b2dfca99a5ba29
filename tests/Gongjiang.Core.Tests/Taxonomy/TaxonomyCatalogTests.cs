using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Core.Tests.Taxonomy;

public sealed class TaxonomyCatalogTests
{
    private static readonly TaxonomyCatalog Catalog = TaxonomyCatalog.Default;

    [Fact]
    public void Occupations_carry_aliases_and_their_standard_skill_items_per_grade()
    {
        var welder = Catalog.FindOccupation("6-18-02-04");
        Assert.NotNull(welder);
        Assert.Equal("焊工", welder.Name);
        Assert.Contains("氩弧焊工", welder.Aliases);
        Assert.Equal("6-18-02-00", welder.ParentCode);
        Assert.NotEmpty(Catalog.SkillItemsFor("6-18-01-01", 3)); // 车工 has a national standard
    }

    [Fact]
    public void All_four_levels_of_the_classification_are_loaded()
    {
        Assert.Equal(8, Catalog.Occupations.Count(o => o.Level == 1));
        Assert.True(Catalog.Occupations.Count(o => o.Level == 4) > 1600);
        Assert.All(Catalog.Occupations, o => Assert.True(OccupationCode.IsWellFormed(o.Code), o.Code));
    }

    [Theory]
    [InlineData("370211", "370200")] // 青岛市黄岛区 → 青岛市
    [InlineData("370200", "370200")]
    [InlineData("110101", "110000")] // 北京市东城区 → 北京市
    public void A_district_belongs_to_its_city(string region, string city) =>
        Assert.Equal(city, Catalog.CityOf(region));

    [Fact]
    public void Majors_link_to_the_occupations_they_lead_to()
    {
        Assert.Contains(Catalog.MajorLinksByMajor["510102"], l => l.OccupationCode == "2-02-10-04");
        Assert.True(Catalog.MajorsByCode.ContainsKey("510102"));
    }

    [Theory]
    [InlineData("6-18-02-04", "6-18-02-99", 3)]
    [InlineData("6-18-02-04", "6-18-01-01", 2)]
    [InlineData("6-18-02-04", "6-20-01-01", 1)]
    [InlineData("6-18-02-04", "2-02-07-13", 0)]
    public void Shared_levels_measure_taxonomy_proximity(string a, string b, int shared) =>
        Assert.Equal(shared, OccupationCode.SharedLevels(a, b));
}
