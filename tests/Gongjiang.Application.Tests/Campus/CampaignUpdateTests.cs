using Gongjiang.Application.Campus;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
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
    private static readonly RecruitingActor Hr = new("user-hr", "E1", null, "王经理");
    private static readonly RecruitingActor ForeignHr = new("user-hr-b", "E2", null, "刘主管");
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
            var campus = scope.ServiceProvider.GetRequiredService<CampusService>();
            var created = await campus.CreateAsync(Hr, Input("2027届机电专场", [Mechatronics], ["J1"]));
            Assert.True(created.Succeeded, created.Message);
            id = created.Value!.Id;
            firstVersion = created.Value.Version;
            Assert.NotEqual(Guid.Empty, firstVersion);
            Assert.Equal(1, (await campus.SendOutreachAsync(Hr, id, NoticeChannels.InApp)).Value); // T1

            var updated = await campus.UpdateAsync(Hr, id, new CampaignInput(" 2027届机电与数控专场 ", "欢迎机电、数控专业同学。", [Mechatronics, Cnc, Cnc],
                ["青岛职业技术学院", " 青岛职业技术学院 "], Year, ["J1", "J2"]), firstVersion);
            Assert.True(updated.Succeeded, updated.Message);
            secondVersion = updated.Value!.Version;
            Assert.NotEqual(firstVersion, secondVersion);
        }
        await using (var scope = database.Scope())
        {
            var campus = scope.ServiceProvider.GetRequiredService<CampusService>();
            var saved = (await campus.FindAsync("E1", id))!;
            Assert.Equal("2027届机电与数控专场", saved.Title);
            Assert.Equal([Mechatronics, Cnc], saved.MajorCodes);
            Assert.Equal(["青岛职业技术学院"], saved.Schools);
            Assert.Equal(["J1", "J2"], saved.JobIds);
            Assert.Equal(secondVersion, saved.Version);
            Assert.Equal(["T1", "T2"], await campus.AudienceAsync(saved));
            Assert.Equal(1, (await campus.SendOutreachAsync(Hr, id, NoticeChannels.InApp)).Value); // only T2 is new; T1 stays reached

            // A copy loaded before the last save, another employer, and input breaking the rules change nothing.
            Assert.Equal(RecruitingFailure.Conflict, (await campus.UpdateAsync(Hr, id, Input("旧页面的修改", [Cnc], []), firstVersion)).Failure);
            Assert.Equal(RecruitingFailure.NotFound, (await campus.UpdateAsync(ForeignHr, id, Input("别家的修改", [Cnc], []))).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await campus.UpdateAsync(Hr, id, Input("改专业", ["999999"], []))).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await campus.UpdateAsync(Hr, id, Input("关联别家岗位", [Cnc], ["J9"]))).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await campus.UpdateAsync(Hr, id, Input("", [Cnc], []))).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await campus.UpdateAsync(Hr, id, Input("年份太远", [Cnc], [], year: Year + 20))).Failure);
        }
        await using (var scope = database.Scope())
        {
            var saved = (await scope.ServiceProvider.GetRequiredService<CampusService>().FindAsync("E1", id))!;
            Assert.Equal("2027届机电与数控专场", saved.Title);
            Assert.Equal(["J1", "J2"], saved.JobIds);
            Assert.Equal(secondVersion, saved.Version);
            Assert.Equal(2, saved.Recipients.Count);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_campaign_whose_talks_have_all_been_held_is_finished_and_no_longer_changes(DatabaseProvider provider)
    {
        var clock = new SettableClock(Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var campus = scope.ServiceProvider.GetRequiredService<CampusService>();
        var id = (await campus.CreateAsync(Hr, Input("2027届机电专场", [Mechatronics], ["J1"]))).Value!.Id;
        Assert.True((await campus.AddTalkAsync(Hr, id, new TalkInput("青岛职业技术学院", "报告厅", Start.UtcDateTime.AddDays(1), 50))).Succeeded);
        Assert.True((await campus.AddTalkAsync(Hr, id, new TalkInput("山东商业职业技术学院", "礼堂", Start.UtcDateTime.AddDays(3), 50))).Succeeded);

        clock.Advance(TimeSpan.FromDays(2)); // one talk held, one to come: still open for changes
        Assert.True((await campus.UpdateAsync(Hr, id, Input("2027届机电专场（第二场）", [Mechatronics], ["J1"]))).Succeeded);

        clock.Advance(TimeSpan.FromDays(2)); // both held
        var refused = await campus.UpdateAsync(Hr, id, Input("活动结束后的修改", [Cnc], []));
        Assert.Equal(RecruitingFailure.Illegal, refused.Failure);
        scope.ServiceProvider.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
        Assert.Equal("2027届机电专场（第二场）", (await campus.FindAsync("E1", id))!.Title);
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
            id = (await scope.ServiceProvider.GetRequiredService<CampusService>().CreateAsync(Hr, Input("2027届机电专场", [Mechatronics], ["J1"]))).Value!.Id;

        // Editor A has the campaign loaded (tracked) when editor B saves; A's save then hits the version check in the database.
        await using var scopeA = database.Scope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<AppDbContext>();
        var loaded = await dbA.CampusCampaigns.SingleAsync(c => c.Id == id);
        await using (var scopeB = database.Scope())
            Assert.True((await scopeB.ServiceProvider.GetRequiredService<CampusService>().UpdateAsync(Hr, id, Input("B 的修改", [Cnc], []))).Succeeded);
        var campusA = scopeA.ServiceProvider.GetRequiredService<CampusService>();
        var result = await campusA.UpdateAsync(Hr, id, Input("A 的修改", [Mechatronics], []), loaded.Version);
        Assert.Equal(RecruitingFailure.Conflict, result.Failure);
        await using (var scope = database.Scope())
            Assert.Equal("B 的修改", (await scope.ServiceProvider.GetRequiredService<CampusService>().FindAsync("E1", id))!.Title);
    }
}
