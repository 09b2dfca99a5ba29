using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Gongjiang.Application.Tests.Catalogue.HandComputedMarket;

namespace Gongjiang.Application.Tests.Catalogue;

/// <summary>
/// The catalogue of 2026Q3 over <see cref="HandComputedMarket"/>, worked out by hand, on both databases.
/// Active postings of A: J1 (5), J2 (3), J9 (1) → V = 9; active seekers of A: T1, T2 (once), T10 → S = 3; R = 3.00, G = 6.
/// Days to fill over A's active postings with a hire: J1 20, J2 11 → 15.5. Hires dated in the quarter (China time):
/// J1's and J4's → fill 2 ÷ 9 = 0.222. Pay mid-points 7000, 9000, 7000 → 7000; 2026Q2: J1 7000, J4 6000 → 6500;
/// change 7000 ÷ 6500 − 1 = 0.077. B: V = 2, S = 0 → R empty. C: 4 and 4. D and A2: S = 1, no demand.
/// Percentile ranks among the 5 listings — R: D, A2 0.2, C 0.5, A 0.7, B 0.9 (S = 0 ranks highest); G: D, A2 0.2, C 0.5,
/// B 0.7, A 0.9; days and pay change only for A, 0.5 each. Index: A 100 × (0.4·0.7 + 0.3·0.9 + 0.15·0.5 + 0.15·0.5) = 70.0;
/// B 100 × (0.4·0.9 + 0.3·0.7) ÷ 0.7 = 81.4; C 50.0; D and A2 20.0 (tied index and gap: by code, D first).
/// 2026Q2: only A is listed (V = 55, S = 2: T1 and T4), so A's previous rank is 1.
/// </summary>
public sealed class CatalogueBuildTests
{
    private static async Task<ShortageCatalogue> BuildAsync(DatabaseProvider provider, string region = "zone", string level = "occupation", string? cluster = null)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        await SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        var result = await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(new BuildCatalogue.Query("2026Q3", region, level, cluster));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        return result.Value;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_measure_of_the_zone_catalogue_matches_the_hand_computation(DatabaseProvider provider)
    {
        var catalogue = await BuildAsync(provider);
        Assert.Equal([B, A, C, D, A2], catalogue.Listings.Select(l => l.OccupationCode));
        Assert.Equal([1, 2, 3, 4, 5], catalogue.Listings.Select(l => l.Rank));

        var a = catalogue.Listings.Single(l => l.OccupationCode == A);
        Assert.Equal("焊工", a.OccupationName);
        Assert.Equal("zone", a.Region);
        Assert.Equal(9, a.Demand);
        Assert.Equal(3, a.Supply);
        Assert.Equal(3.00, a.Ratio);
        Assert.Equal(6, a.Gap);
        Assert.Equal(15.5, a.MedianDaysToFill);
        Assert.Equal(0.222, a.FillRate);
        Assert.Equal(7000, a.SalaryMedian);
        Assert.Equal(0.077, a.SalaryChange);
        Assert.Equal(70.0, a.Index);
        Assert.Equal(ShortageBand.Shortage, a.Band);
        Assert.Equal(1, a.PreviousRank);
        Assert.Equal(-1, a.RankChange);
        Assert.Equal(["370200", "370100"], a.TypicalCities);
        Assert.Equal(0.22, a.ApplicationsPerOpening);
        Assert.Equal("secondary_vocational", a.TypicalEducation);
        Assert.Equal(2, a.MedianExperienceYears);

        var b = catalogue.Listings.Single(l => l.OccupationCode == B);
        Assert.Equal((2.0, 0L, 2.0), (b.Demand, b.Supply, b.Gap));
        Assert.Null(b.Ratio);                // S = 0: shown as such, never a division error
        Assert.Null(b.RatioInterval);
        Assert.Null(b.MedianDaysToFill);     // no hire
        Assert.Equal(0, b.FillRate);
        Assert.Equal(20000, b.SalaryMedian);
        Assert.Null(b.SalaryChange);         // no postings the quarter before
        Assert.Null(b.PreviousRank);
        Assert.Equal(81.4, b.Index);
        Assert.Equal(ShortageBand.Severe, b.Band);
        Assert.Equal(["370100"], b.TypicalCities);

        var c = catalogue.Listings.Single(l => l.OccupationCode == C);
        Assert.Equal((4.0, 4L, 1.00, 0.0, 50.0, ShortageBand.General), (c.Demand, c.Supply, c.Ratio, c.Gap, c.Index, c.Band));

        var d = catalogue.Listings.Single(l => l.OccupationCode == D);
        Assert.Equal((0.0, 1L, 0.0, -1.0, 20.0), (d.Demand, d.Supply, d.Ratio, d.Gap, d.Index));
        Assert.Null(d.FillRate);             // no demand
        Assert.Null(d.SalaryMedian);
        Assert.Empty(d.TypicalCities);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task City_rows_count_postings_and_seekers_where_they_are(DatabaseProvider provider)
    {
        var catalogue = await BuildAsync(provider, region: "city");
        var qingdao = catalogue.Listings.Single(l => l.OccupationCode == A && l.Region == "370200");
        Assert.Equal((8.0, 3L, 2.67, 5.0), (qingdao.Demand, qingdao.Supply, qingdao.Ratio, qingdao.Gap));
        Assert.Equal(8000, qingdao.SalaryMedian); // 7000 and 9000: the mean of the two middle values
        var jinan = catalogue.Listings.Single(l => l.OccupationCode == A && l.Region == "370100");
        Assert.Equal((1.0, 0L), (jinan.Demand, jinan.Supply));
        Assert.Equal(1, catalogue.Listings.Single(l => l.OccupationCode == D && l.Region == "370100").Supply);
        // Each city is its own list, ranked from 1.
        Assert.Equal(1, catalogue.Listings.Where(l => l.Region == "370100").Min(l => l.Rank));
        Assert.Equal(1, catalogue.Listings.Where(l => l.Region == "370200").Min(l => l.Rank));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_seeker_listing_two_occupations_of_a_minor_group_counts_once_in_it(DatabaseProvider provider)
    {
        var catalogue = await BuildAsync(provider, region: "province", level: "minor");
        var welding = catalogue.Listings.Single(l => l.OccupationCode == "6-18-02-00");
        Assert.Equal("370000", welding.Region);
        Assert.Equal((9.0, 3L), (welding.Demand, welding.Supply)); // T1, T2 and T10 (who lists A and A2)
        Assert.Equal("机械热加工人员", welding.OccupationName);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_industry_cluster_counts_the_demand_of_its_employers_only(DatabaseProvider provider)
    {
        var catalogue = await BuildAsync(provider, cluster: "新一代信息技术");
        var a = catalogue.Listings.Single(l => l.OccupationCode == A);
        Assert.Equal((3.0, 3L), (a.Demand, a.Supply)); // J2 of E2 only; supply is the zone's
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_previous_quarter_is_built_the_same_way_and_a_first_quarter_has_no_previous_ranks(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        await SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        var useCases = scope.ServiceProvider.GetRequiredService<IUseCases>();

        var q2 = Assert.Single((await useCases.RunAsync(new BuildCatalogue.Query("2026Q2"))).Value.Listings);
        Assert.Equal((55.0, 2L, 1), (q2.Demand, q2.Supply, q2.Rank)); // J1 and J4; T1 and T4
        Assert.Equal(6500, q2.SalaryMedian);
        Assert.Equal(41, q2.MedianDaysToFill); // J1 20 days, J4 62 (2026-05-01 to its hire on 2026-07-02)
        Assert.Equal(1, q2.PreviousRank);      // 2026Q1 lists A by its supply (T1, T4) alone
        Assert.Null(q2.SalaryChange);          // 2026Q1 had no postings

        var first = Assert.Single((await useCases.RunAsync(new BuildCatalogue.Query("2025Q1"))).Value.Listings);
        Assert.Equal((A, 0.0, 1L), (first.OccupationCode, first.Demand, first.Supply)); // T1 only
        Assert.Null(first.PreviousRank);
        Assert.Null(first.RankChange);
    }

    [Fact]
    public async Task Bad_period_region_level_and_weights_are_refused_by_field()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = db.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(
            new BuildCatalogue.Query("2026Q5", "county", "unit", Method: CatalogueMethod.Default with { WeightGap = -1 }));
        Assert.Equal(["period", "region", "level", "method"], result.Errors.Select(e => e.Field));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_interval_of_R_resamples_employers_and_contains_R_when_one_employer_posts(DatabaseProvider provider)
    {
        var catalogue = await BuildAsync(provider, region: "city");
        // C in Qingdao: all demand from E1, so every replicate is 0, 1, 2 … times E1's 4 openings over 4 seekers.
        var c = catalogue.Listings.Single(l => l.OccupationCode == C && l.Region == "370200");
        Assert.NotNull(c.RatioInterval);
        Assert.Equal(0, c.RatioInterval.Low);
        Assert.True(c.RatioInterval.High >= 2, $"high {c.RatioInterval.High}");
        Assert.Equal(0, c.RatioInterval.High % 1.0);
    }
}
