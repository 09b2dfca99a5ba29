using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Search;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Sharing;

public sealed class TalentSearchTests
{
    private static async Task<List<string>> IdsAsync(TestDatabase database, TalentSearchQuery query)
    {
        await using var scope = database.Scope();
        var page = await scope.ServiceProvider.GetRequiredService<TalentSearchService>().SearchAsync(query);
        return page.Items.Select(i => i.Profile.Id).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Text_search_covers_two_and_three_character_chinese_terms_in_the_shared_pool_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        // Two characters (below the trigram length): the LIKE fallback. T3 is not shared, T4 is inactive.
        // Headline matches (titles, occupations, skills, certificates) weigh more: T1 names 焊工 three times there, T5 twice.
        Assert.Equal(["T1", "T5"], await IdsAsync(database, new() { Text = "焊工" }));
        Assert.Equal(["T2"], await IdsAsync(database, new() { Text = "电工" }));
        // Three or more characters: the trigram index.
        Assert.Equal(["T1", "T5"], await IdsAsync(database, new() { Text = "氩弧焊" }));
        Assert.Equal(["T1"], await IdsAsync(database, new() { Text = "压力容器" }));
        Assert.Equal(["T2"], await IdsAsync(database, new() { Text = "plc" }));          // case-insensitive
        Assert.Equal(["T1"], await IdsAsync(database, new() { Text = "不锈钢 焊接" }));   // every term must match
        Assert.Equal(["T1"], await IdsAsync(database, new() { Text = "机电一体化" }));    // the major's name
        Assert.Equal(["T1"], await IdsAsync(database, new() { Text = "青岛职业技术学院" })); // the school
        Assert.Empty(await IdsAsync(database, new() { Text = "张伟" }));                 // never the contact data
        Assert.Empty(await IdsAsync(database, new() { Text = "13812345678" }));
        Assert.Empty(await IdsAsync(database, new() { Text = "50%_\\" }));               // LIKE wildcards are literal
        // Relevance first: T1 says 焊接 twice, T5 once.
        Assert.Equal(["T1", "T5"], await IdsAsync(database, new() { Text = "焊接" }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_narrow_the_shared_pool_and_results_are_newest_first_without_text(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        Assert.Equal(["T5", "T2", "T1"], await IdsAsync(database, new()));
        Assert.Equal(["T5", "T1"], await IdsAsync(database, new() { Occupation = "6-18" }));
        Assert.Equal(["T5", "T1"], await IdsAsync(database, new() { Occupation = "6-18-00-00" }));
        Assert.Equal(["T2"], await IdsAsync(database, new() { Occupation = "6-31-01-03" }));
        Assert.Equal(["T1"], await IdsAsync(database, new() { Occupation = "6-18-02-04", MinGrade = 3 }));
        Assert.Equal(["T1"], await IdsAsync(database, new() { MinGrade = 3 }));
        Assert.Equal(["T5", "T1"], await IdsAsync(database, new() { City = "370211" }));
        Assert.Equal(["T5", "T2", "T1"], await IdsAsync(database, new() { City = "3702" }));
        Assert.Equal(["T2"], await IdsAsync(database, new() { MinEducation = EducationLevel.Bachelor }));
        Assert.Equal(["T2", "T1"], await IdsAsync(database, new() { MinEducation = EducationLevel.Associate }));
        Assert.Equal(["T2"], await IdsAsync(database, new() { Major = "460306" }));
        Assert.Equal(["T1"], await IdsAsync(database, new() { MinExperience = 5 }));
        Assert.Equal(["T1"], await IdsAsync(database, new() { PayMin = 8600 }));
        Assert.Equal(["T2"], await IdsAsync(database, new() { PayMax = 6400 }));
        Assert.Equal(["T5"], await IdsAsync(database, new() { Text = "焊工", MinGrade = 4, Occupation = "6-18", PayMax = 6800 }));
        await using (var scope = database.Scope())
        {
            var page = await scope.ServiceProvider.GetRequiredService<TalentSearchService>().SearchAsync(new() { PageSize = 2, Page = 2 });
            Assert.Equal((3, "T1"), (page.Total, page.Items.Single().Profile.Id));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Words_as_people_type_them_read_cities_occupations_and_years(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        // 电焊工 is said by nobody: the occupation (焊工 6-18-02-04) finds those who hold it (a tie: the newest first).
        Assert.Equal(["T5", "T1"], await IdsAsync(database, new() { Text = "电焊工" }));
        Assert.Equal(["T5", "T1"], await IdsAsync(database, new() { Text = "电焊工 青岛" }));
        Assert.Empty(await IdsAsync(database, new() { Text = "电焊工 济南" }));
        Assert.Equal(["T1"], await IdsAsync(database, new() { Text = "电焊工 5年" }));
        Assert.Equal(["T1", "T5"], await IdsAsync(database, new() { Text = "焊工" }));
        Assert.Equal(["T5", "T1"], await IdsAsync(database, new() { Text = "焊工", Sort = TalentSort.Newest }));
        Assert.Equal(["T2"], await IdsAsync(database, new() { Text = "青岛 plc" }));

        await using var scope = database.Scope();
        var actor = Acting.Hr("E1");
        var byTitle = await scope.ServiceProvider.RunAsAsync(actor, new SearchTalent.Query(Occupation: "电焊工"));
        Assert.Equal(["T5", "T1"], byTitle.Value.Items.Select(c => c.Id));
        (await scope.ServiceProvider.RunAsAsync(actor, new SearchTalent.Query(Occupation: "@@@")))
            .AssertFails(ErrorKind.Invalid, SearchErrors.UnknownOccupation);
        (await scope.ServiceProvider.RunAsAsync(actor, new SearchTalent.Query(Sort: "pay")))
            .AssertFails(ErrorKind.Invalid, SearchErrors.UnknownTalentSort);
        (await scope.ServiceProvider.RunAsAsync(actor, new SearchTalent.Query(new string('焊', 501))))
            .AssertFails(ErrorKind.Invalid, InputErrors.TooLong);
        Assert.True((await scope.ServiceProvider.RunAsAsync(actor, new SearchTalent.Query(string.Join(' ', Enumerable.Repeat("焊工 青岛 3年 %_'", 40))[..500]))).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edits_and_leaving_the_pool_are_searchable_at_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        Assert.Equal(["T2"], await IdsAsync(database, new() { Text = "电工" }));
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var t2 = await db.Talent.FirstAsync(t => t.Id == "T2");
            t2.ResumeText = "擅长激光切割设备维护。";
            t2.DesiredTitles = ["设备维护员"];
            t2.UpdatedAt = SharingSeed.Base.AddDays(9);
            await db.SaveChangesAsync();
        }
        Assert.Equal(["T2"], await IdsAsync(database, new() { Text = "激光切割" }));
        Assert.Empty(await IdsAsync(database, new() { Text = "电气维护" })); // the old text is gone from the index
        await using (var scope = database.Scope())
            Assert.True((await scope.ServiceProvider.RunAsAsync(Acting.Seeker("user-t1", "T1"), new SetProfileSharing.Command(false))).Succeeded);
        Assert.Equal(["T5"], await IdsAsync(database, new() { Text = "焊工" }));
        await using (var scope = database.Scope())
            Assert.True((await scope.ServiceProvider.RunAsAsync(Acting.Seeker("user-t3", "T3"), new SetProfileSharing.Command(true))).Succeeded);
        Assert.Equal(["T3", "T5"], await IdsAsync(database, new() { Text = "焊工" }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_profile_saved_through_the_talent_service_is_found_by_its_new_text_at_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        Assert.Empty(await IdsAsync(database, new() { Text = "数控车床" }));
        await using (var scope = database.Scope())
        {
            var line = InterchangeJson.ParseLine<TalentLine>("""
                {"name":"张伟","phone":"13812345678","city":"370211","occupations":[{"code":"6-18-01-01","grade":3}],
                 "skills":["数控车床编程"],"desired_titles":["数控车工"],"resume_text":"操作数控车床六年。"}
                """, out var error)!;
            Assert.Null(error);
            Assert.NotNull((await scope.ServiceProvider.RunAsAsync(Acting.Seeker("user-t1", "T1"), new SaveProfile.Command(new ProfileLine(line)))).Value);
        }
        Assert.Equal(["T1"], await IdsAsync(database, new() { Text = "数控车床" }));
        Assert.Equal(["T1"], await IdsAsync(database, new() { Text = "车工" }));
        Assert.Empty(await IdsAsync(database, new() { Text = "压力容器" }));   // the old résumé is gone
        Assert.Equal(["T5"], await IdsAsync(database, new() { Text = "氩弧焊" }));
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Empty(await db.Set<TalentSearchDocument>().Where(d => d.TalentId == "T3" || d.TalentId == "T4").ToListAsync()); // outside the pool
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Searching_only_reads_and_rows_written_around_ef_core_are_caught_up_by_the_initializer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Talent.Where(t => t.Id == "T2").ExecuteUpdateAsync(s => s.SetProperty(t => t.ResumeText, "负责激光切割设备维护。").SetProperty(t => t.UpdatedAt, SharingSeed.Base.AddDays(9)));
            await db.Talent.Where(t => t.Id == "T5").ExecuteUpdateAsync(s => s.SetProperty(t => t.SharedWithZone, false));
        }
        // A search neither writes documents nor sees the rows changed behind its back.
        Assert.Empty(await IdsAsync(database, new() { Text = "激光切割" }));
        Assert.Equal(["T1"], await IdsAsync(database, new() { Text = "焊工" })); // who is in the pool is read from the profiles
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.Set<TalentSearchDocument>().AnyAsync(d => d.TalentId == "T5"));
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
            Assert.False(await db.Set<TalentSearchDocument>().AnyAsync(d => d.TalentId == "T5"));
        }
        Assert.Equal(["T2"], await IdsAsync(database, new() { Text = "激光切割" }));
        Assert.Empty(await IdsAsync(database, new() { Text = "电气维护" }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Similar_candidates_come_from_the_shared_pool_without_the_candidate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        await using var scope = database.Scope();
        var search = scope.ServiceProvider.GetRequiredService<TalentSearchService>();
        var t1 = (await scope.ServiceProvider.GetRequiredService<TalentService>().FindAsync("T1"))!;
        var similar = await search.SimilarAsync(t1, 5);
        var ids = similar.Select(s => s.Profile.Id).ToList();
        Assert.Contains("T5", ids);           // the other shared welder
        Assert.DoesNotContain("T1", ids);     // never the candidate
        Assert.DoesNotContain("T3", ids);     // not shared
        Assert.DoesNotContain("T4", ids);     // inactive
        Assert.Equal("T5", ids[0]);
    }

    [Fact]
    public void Invalid_queries_name_their_fields()
    {
        var result = TalentSearchService.Validate(new() { MinGrade = 7, PayMin = 9000, PayMax = 8000, PageSize = 500, City = "abc", Occupation = "x'; drop" });
        Assert.False(result.Succeeded);
        Assert.Equal(["city", "minGrade", "occupation", "pageSize", "pay"], result.Errors.Select(e => e.Field).Distinct().Order());
        Assert.True(TalentSearchService.Validate(new() { Text = "焊工", City = "370211" }).Succeeded);
    }
}
