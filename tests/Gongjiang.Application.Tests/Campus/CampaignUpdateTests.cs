using Gongjiang.Application.Campus;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Headhunting;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Campus;

public sealed class CampaignUpdateTests
{
    private static readonly Actor Hr = Acting.Hr("E1", "user-hr");
    private static readonly Actor ForeignHr = Acting.Hr("E2", "user-hr-b");
    private const string Mechatronics = "460301"; // 机电一体化技术
    private const string Cnc = "460103";          // 数控技术
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 1, 0, 0, TimeSpan.Zero);
    private const int Year = 2027;

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Start.UtcDateTime;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        JobPosting Job(string id, string employer, string title) => new()
        {
            Id = id, EmployerId = employer, Title = title, CityCode = "370211", SalaryMin = 6000, SalaryMax = 8000, PostedAt = DateOnly.FromDateTime(now),
            Status = JobStatus.Open, Description = "生产与维护。", CreatedAt = now, UpdatedAt = now,
        };
        db.Jobs.AddRange(Job("J1", "E1", "机电设备维修工（应届）"), Job("J2", "E1", "数控车床操作工（应届）"), Job("J9", "E2", "芯片测试员"));
        TalentProfile Graduate(string id, string major, string school) => new()
        {
            Id = id, CityCode = "370211", SharedWithZone = true, CreatedAt = now, UpdatedAt = now,
            Education = new TalentEducation { MajorCode = major, School = school, GraduationYear = Year },
        };
        db.Talent.AddRange(Graduate("T1", Mechatronics, "青岛职业技术学院"), Graduate("T2", Cnc, "青岛职业技术学院"), Graduate("T3", Cnc, "山东商业职业技术学院"));
        await db.SaveChangesAsync();
    }

    private static CampaignInput Input(string title, IReadOnlyList<string> majors, IReadOnlyList<string> jobs, int year = Year) =>
        new(title, "欢迎参加宣讲会。", majors, ["青岛职业技术学院"], year, jobs);

    private static Task<Result<CampaignDetail>> UpdateAsync(IServiceProvider sp, Actor actor, string id, CampaignInput input, Guid? expected = null) =>
        sp.RunAsAsync(actor, new UpdateCampaign.Command(id, input, expected));

    private static async Task<CampaignDetail> ReadAsync(TestDatabase database, string id)
    {
        await using var scope = database.Scope();
        return (await scope.ServiceProvider.RunAsAsync(Hr, new GetCampaign.Query(id))).AssertValue().Detail;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_update_changes_the_terms_keeps_who_was_reached_and_refuses_stale_foreign_and_invalid_edits(DatabaseProvider provider)
    {
        var clock = new SettableClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database);
        string id;
        Guid firstVersion, secondVersion;
        await using (var scope = database.Scope())
        {
            var sp = scope.ServiceProvider;
            var created = (await sp.RunAsAsync(Hr, new CreateCampaign.Command(Input("2027届机电专场", [Mechatronics], ["J1"])))).AssertValue().Campaign;
            id = created.Id;
            firstVersion = created.Version;
            Assert.NotEqual(Guid.Empty, firstVersion);
            Assert.Equal(1, (await sp.RunAsAsync(Hr, new SendOutreach.Command(id, ["inapp"]))).AssertValue()); // T1

            var updated = (await UpdateAsync(sp, Hr, id, new CampaignInput(" 2027届机电与数控专场 ", "欢迎机电、数控专业同学。", [Mechatronics, Cnc, Cnc],
                ["青岛职业技术学院", " 青岛职业技术学院 "], Year, ["J1", "J2"]), firstVersion)).AssertValue();
            secondVersion = updated.Campaign.Version;
            Assert.NotEqual(firstVersion, secondVersion);
        }
        var saved = await ReadAsync(database, id);
        Assert.Equal("2027届机电与数控专场", saved.Campaign.Title);
        Assert.Equal([Mechatronics, Cnc], saved.Campaign.MajorCodes);
        Assert.Equal(["青岛职业技术学院"], saved.Campaign.Schools);
        Assert.Equal(["J1", "J2"], saved.Campaign.JobIds);
        Assert.Equal(secondVersion, saved.Campaign.Version);
        Assert.Equal(2, saved.Stats.Audience); // T1, T2
        await using (var scope = database.Scope())
        {
            var sp = scope.ServiceProvider;
            Assert.Equal(1, (await sp.RunAsAsync(Hr, new SendOutreach.Command(id, ["inapp"]))).AssertValue()); // only T2 is new; T1 stays reached

            // A copy loaded before the last save, another employer, and input breaking the rules change nothing.
            (await UpdateAsync(sp, Hr, id, Input("旧页面的修改", [Cnc], []), firstVersion)).AssertFails(ErrorKind.Conflict, CampusErrors.ChangedMeanwhile);
            (await UpdateAsync(sp, ForeignHr, id, Input("别家的修改", [Cnc], []))).AssertFails(ErrorKind.NotFound, CampusErrors.CampaignNotFound);
            (await UpdateAsync(sp, Hr, id, Input("改专业", ["999999"], []))).AssertFails(ErrorKind.Invalid, CampusErrors.UnknownMajor);
            Assert.Equal("jobIds", (await UpdateAsync(sp, Hr, id, Input("关联别家岗位", [Cnc], ["J9"]))).AssertFails(ErrorKind.Invalid, CampusErrors.ForeignJob).Field);
            Assert.Equal("title", (await UpdateAsync(sp, Hr, id, Input("", [Cnc], []))).AssertFails(ErrorKind.Invalid, CampusErrors.Title).Field);
            Assert.Equal("graduationYear", (await UpdateAsync(sp, Hr, id, Input("年份太远", [Cnc], [], year: Year + 20)))
                .AssertFails(ErrorKind.Invalid, CampusErrors.GraduationYear).Field);
        }
        saved = await ReadAsync(database, id);
        Assert.Equal("2027届机电与数控专场", saved.Campaign.Title);
        Assert.Equal(["J1", "J2"], saved.Campaign.JobIds);
        Assert.Equal(secondVersion, saved.Campaign.Version);
        Assert.Equal(2, saved.Campaign.Recipients.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_campaign_whose_talks_have_all_been_held_is_finished_and_no_longer_changes(DatabaseProvider provider)
    {
        var clock = new SettableClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var sp = scope.ServiceProvider;
        var id = (await sp.RunAsAsync(Hr, new CreateCampaign.Command(Input("2027届机电专场", [Mechatronics], ["J1"])))).AssertValue().Campaign.Id;
        (await sp.RunAsAsync(Hr, new AddTalk.Command(id, new TalkInput("青岛职业技术学院", "报告厅", Start.UtcDateTime.AddDays(1), 50)))).AssertValue();
        (await sp.RunAsAsync(Hr, new AddTalk.Command(id, new TalkInput("山东商业职业技术学院", "礼堂", Start.UtcDateTime.AddDays(3), 50)))).AssertValue();

        clock.Advance(TimeSpan.FromDays(2)); // one talk held, one to come: still open for changes
        (await UpdateAsync(sp, Hr, id, Input("2027届机电专场（第二场）", [Mechatronics], ["J1"]))).AssertValue();

        clock.Advance(TimeSpan.FromDays(2)); // both held
        Assert.True((await sp.RunAsAsync(Hr, new GetCampaign.Query(id))).AssertValue().Detail.Finished);
        (await UpdateAsync(sp, Hr, id, Input("活动结束后的修改", [Cnc], []))).AssertFails(ErrorKind.Conflict, CampusErrors.Finished);
        Assert.Equal("2027届机电专场（第二场）", (await ReadAsync(database, id)).Campaign.Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_editors_saving_the_same_campaign_at_once_cannot_both_win(DatabaseProvider provider)
    {
        var clock = new SettableClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database);
        string id;
        await using (var scope = database.Scope())
            id = (await scope.ServiceProvider.RunAsAsync(Hr, new CreateCampaign.Command(Input("2027届机电专场", [Mechatronics], ["J1"])))).AssertValue().Campaign.Id;

        // Editor A has the campaign loaded (tracked) when editor B saves; A's save then hits the version check in the database.
        await using var scopeA = database.Scope();
        var loaded = await scopeA.ServiceProvider.GetRequiredService<AppDbContext>().CampusCampaigns.SingleAsync(c => c.Id == id);
        await using (var scopeB = database.Scope())
            (await UpdateAsync(scopeB.ServiceProvider, Hr, id, Input("B 的修改", [Cnc], []))).AssertValue();
        (await UpdateAsync(scopeA.ServiceProvider, Hr, id, Input("A 的修改", [Mechatronics], []), loaded.Version))
            .AssertFails(ErrorKind.Conflict, CampusErrors.ChangedMeanwhile);
        Assert.Equal("B 的修改", (await ReadAsync(database, id)).Campaign.Title);
    }
}
