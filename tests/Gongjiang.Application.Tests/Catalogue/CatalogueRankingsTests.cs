using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Gongjiang.Application.Tests.Catalogue.HandComputedMarket;

namespace Gongjiang.Application.Tests.Catalogue;

/// <summary>The rankings of the catalogue page over <see cref="HandComputedMarket"/> (2026Q3: B 非常紧缺, A 紧缺).</summary>
public sealed class CatalogueRankingsTests
{
    private static async Task<ViewCatalogue.View> ViewAsync(DatabaseProvider provider, string? group = null)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        await SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        var result = await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(new ViewCatalogue.Query("2026Q3", Group: group));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        return result.Value;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Majors_skills_trends_and_the_national_list_follow_the_shortage_listings(DatabaseProvider provider)
    {
        var view = await ViewAsync(provider);

        // 焊工 (gap 6) links to 材料成型及控制技术 and other majors (the lowest code first among equal gaps); 铸造工程技术人员 has no official links.
        var major = view.Majors[0];
        Assert.Equal(("460107", "材料成型及控制技术", 6.0), (major.MajorCode, major.MajorName, major.Gap));
        Assert.Equal(["焊工"], major.Occupations);

        // J7 (2 openings) asks for a standard item of its occupation and for 沟通能力, which no standard lists.
        var skill = Assert.Single(view.Skills);
        Assert.Equal((B, "智能制造共性技术运用", 2.0), (skill.OccupationCode, skill.Skill, skill.Demand));

        // The ministry's latest list (2022Q3) names 车工, which the zone lists but not in shortage.
        Assert.Equal("2022Q3", view.National.Quarter);
        var lathe = view.National.Rows.Single(r => r.Occupation == "车工");
        Assert.Equal((2, D, (int?)null), (lathe.Rank, lathe.OccupationCode, lathe.ZoneRank));
        Assert.Equal(0, view.National.Shared);

        // Trends over four quarters for the listings in shortage, oldest first.
        var trend = view.Trends.Single(t => t.OccupationCode == A);
        Assert.Equal(["2025Q4", "2026Q1", "2026Q2", "2026Q3"], trend.Points.Select(p => p.Period));
        Assert.Equal([0, 0, 27.5, 3.00], trend.Points.Select(p => p.Ratio ?? 0)); // 2026Q2: 55 ÷ 2
        Assert.Equal(["370200", "370100"], view.Cities.Select(c => c.City));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_occupation_group_filter_keeps_its_listings_and_their_ranks(DatabaseProvider provider)
    {
        var view = await ViewAsync(provider, group: "6-18-00-00");
        Assert.Equal([A, D, A2], view.Listings.Select(l => l.OccupationCode));
        Assert.Equal([2, 4, 5], view.Listings.Select(l => l.Rank));
    }
}
