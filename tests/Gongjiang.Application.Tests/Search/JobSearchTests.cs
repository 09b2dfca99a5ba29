using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Search;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Common;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Search;

/// <summary>找工作 as people type it: several words read as city, occupation, benefit, years or text; filters; sorts; bad values.</summary>
public sealed class JobSearchTests
{
    // 12:00 on 2026-11-20 in China.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, new ManualClock(Now));
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var at = Now.UtcDateTime;
        db.Employers.Add(new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造",
            Verification = VerificationStatus.Verified, CreatedAt = at, UpdatedAt = at });
        JobPosting Job(string id, string title, string? occupation, string city, int min, int max, int daysAgo, string description) => new()
        {
            Id = id, EmployerId = "E1", Title = title, OccupationCode = occupation, CityCode = city, SalaryMin = min, SalaryMax = max,
            PostedAt = Today.AddDays(-daysAgo), Status = JobStatus.Open, Description = description, CreatedAt = at, UpdatedAt = at,
        };
        // A is a 焊工 posting that never says 电焊工; B the same occupation in Jinan; C a 车工 posting; D an electrician's.
        var a = Job("A", "氩弧焊工", "6-18-02-04", "370211", 7000, 11000, 2, "不锈钢管道焊接，提供五险一金，包吃住。");
        a.MinGrade = 4;
        a.ExperienceMinYears = 2;
        var b = Job("B", "管道焊接技术员", "6-18-02-04", "370102", 6000, 8000, 10, "结构件焊接，周末双休。");
        b.ExperienceMinYears = 5;
        var c = Job("C", "数控车工", "6-18-01-01", "370211", 8000, 12000, 0, "操作数控车床，长白班，包吃住。");
        c.ExperienceMinYears = 3;
        c.EducationMin = EducationLevel.HighSchool;
        var d = Job("D", "维修电工", "6-31-01-03", "370211", 9000, 9500, 40, "负责PLC与配电柜维护，五险一金。");
        d.MinGrade = 3;
        var closed = Job("X", "焊工", "6-18-02-04", "370211", 9000, 9000, 1, "包吃住");
        closed.Status = JobStatus.Closed;
        db.Jobs.AddRange(a, b, c, d, closed);
        await db.SaveChangesAsync();
        return database;
    }

    private static async Task<Result<SearchJobs.Openings>> SearchAsync(TestDatabase database, SearchJobs.Query query)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.RunAsAsync(Acting.SeekerUser(), query);
    }

    private static async Task<List<string>> IdsAsync(TestDatabase database, SearchJobs.Query query)
    {
        var result = await SearchAsync(database, query);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        Assert.Equal(result.Value.Result.Total, result.Value.Result.Items.Count);
        return result.Value.Result.Items.Select(j => j.Id).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Several_words_each_read_as_city_occupation_benefit_years_or_text_must_all_hold(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        Assert.Equal(["A"], await IdsAsync(database, new("焊工 青岛")));
        // An everyday title finds the occupation's postings (neither says 电焊工); relevance ties fall to the newest.
        Assert.Equal(["A", "B"], await IdsAsync(database, new("电焊工")));
        Assert.Equal(["A"], await IdsAsync(database, new("电焊工 包吃住")));
        Assert.Equal(["B"], await IdsAsync(database, new("电焊工 济南")));
        Assert.Equal(["C"], await IdsAsync(database, new("数控 车工 3年")));
        Assert.Empty(await IdsAsync(database, new("数控 车工 2年")));          // C asks for three years
        Assert.Equal(["D"], await IdsAsync(database, new("plc")));              // any case
        Assert.Equal(["C", "A"], await IdsAsync(database, new("  包吃住  ")));   // the closed posting never shows
        Assert.Empty(await IdsAsync(database, new("50%_")));                    // LIKE wildcards are literal
        // A title saying the word weighs more than the occupation alone.
        Assert.Equal(["A", "B"], await IdsAsync(database, new("焊工")));

        await using var scope = database.Scope();
        var words = scope.ServiceProvider.GetRequiredService<SearchWords>().Read("焊工 青岛 包吃住 3年 不锈钢");
        Assert.Equal([WordKind.Occupation, WordKind.City, WordKind.Benefit, WordKind.Experience, WordKind.Text], words.Select(w => w.Kind));
        Assert.Equal(["6-18-02-04", "370200", "包吃住", null, null], words.Select(w => w.Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_and_sorts_narrow_and_order_the_postings(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        Assert.Equal(["C", "A", "B", "D"], await IdsAsync(database, new()));                      // newest first without words
        Assert.Equal(["A", "B"], await IdsAsync(database, new(Occupation: "电焊工")));              // an everyday title
        Assert.Equal(["A", "B"], await IdsAsync(database, new(Occupation: "焊工")));                // a name
        Assert.Equal(["A", "B"], await IdsAsync(database, new(Occupation: "6-18-02-04")));          // a code
        Assert.Equal(["C", "A", "B"], await IdsAsync(database, new(Occupation: "6-18")));           // a group
        Assert.Equal(["C", "A", "D"], await IdsAsync(database, new(City: "370200")));
        Assert.Equal(["C", "A", "D"], await IdsAsync(database, new(PayMin: "9000")));
        Assert.Equal(["B"], await IdsAsync(database, new(PayMax: "6500")));
        Assert.Equal(["C", "A", "B"], await IdsAsync(database, new(Grade: "4")));                  // D asks for 三级
        Assert.Equal(["A", "D"], await IdsAsync(database, new(Experience: "2")));
        Assert.Equal(["A", "B", "D"], await IdsAsync(database, new(Education: "junior_high")));     // C asks for 高中
        Assert.Equal(["C", "A"], await IdsAsync(database, new(Benefits: "包吃住")));
        Assert.Equal(["A"], await IdsAsync(database, new(Benefits: "包吃住,五险一金")));
        Assert.Equal(["C"], await IdsAsync(database, new(Posted: "1")));
        Assert.Equal(["C", "A"], await IdsAsync(database, new(Posted: "7")));
        Assert.Equal(["C", "A", "B"], await IdsAsync(database, new(Posted: "30")));
        Assert.Equal(["C", "A", "D", "B"], await IdsAsync(database, new(Sort: "pay")));
        // Relevance: B says 管道 in its title, A only in its description.
        Assert.Equal(["B", "A"], await IdsAsync(database, new("管道")));
        Assert.Equal(["A", "B"], await IdsAsync(database, new("管道", Sort: "newest")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unknown_sorts_and_filter_values_are_refused_and_long_queries_never_crash(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        (await SearchAsync(database, new(Sort: "cheapest"))).AssertFails(ErrorKind.Invalid, SearchErrors.UnknownSort);
        (await SearchAsync(database, new(Posted: "2"))).AssertFails(ErrorKind.Invalid, SearchErrors.UnknownPosted);
        (await SearchAsync(database, new(Benefits: "包吃住,豪车"))).AssertFails(ErrorKind.Invalid, JobErrors.UnknownBenefit);
        (await SearchAsync(database, new(Education: "phd"))).AssertFails(ErrorKind.Invalid, SearchErrors.UnknownEducation);
        (await SearchAsync(database, new(Occupation: "@@@"))).AssertFails(ErrorKind.Invalid, SearchErrors.UnknownOccupation);
        (await SearchAsync(database, new(City: "999999"))).AssertFails(ErrorKind.Invalid, SearchErrors.UnknownCity);
        (await SearchAsync(database, new(PayMin: "abc"))).AssertFails(ErrorKind.Invalid, InputErrors.Between);
        (await SearchAsync(database, new(PayMin: "9000", PayMax: "8000"))).AssertFails(ErrorKind.Invalid, InputErrors.MinOverMax);
        (await SearchAsync(database, new(new string('焊', 501)))).AssertFails(ErrorKind.Invalid, InputErrors.TooLong);
        Assert.Empty(await IdsAsync(database, new(string.Join(' ', Enumerable.Repeat("焊工 青岛 包吃住 3年 %_\"'", 40))[..500])));
        Assert.Equal(["C", "A", "B", "D"], await IdsAsync(database, new("   ")));
    }
}
