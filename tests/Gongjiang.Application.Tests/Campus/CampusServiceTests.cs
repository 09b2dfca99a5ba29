using Gongjiang.Application.Campus;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Campus;

public sealed class CampusServiceTests
{
    private static readonly RecruitingActor Hr = new("user-hr", "E1", null, "王经理");
    private static readonly RecruitingActor ForeignHr = new("user-hr-b", "E2", null, "刘主管");
    private const string Mechatronics = "460301"; // 机电一体化技术 (higher vocational)

    private static async Task SeedAsync(TestDatabase database, int year)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        db.Jobs.AddRange(
            new JobPosting { Id = "J1", EmployerId = "E1", Title = "机电设备维修工（应届）", OccupationCode = "6-31-01-03", CityCode = "370211", SalaryMin = 6000, SalaryMax = 8000, PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "设备维修。", CreatedAt = now, UpdatedAt = now },
            new JobPosting { Id = "J2", EmployerId = "E2", Title = "芯片测试员", CityCode = "370212", SalaryMin = 6000, SalaryMax = 8000, PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "测试。", CreatedAt = now, UpdatedAt = now });
        TalentProfile Graduate(string id, string? major, string school, int graduation, bool shared = true) => new()
        {
            Id = id, CityCode = "370211", SharedWithZone = shared, CreatedAt = now, UpdatedAt = now,
            Education = new TalentEducation { MajorCode = major, School = school, GraduationYear = graduation },
        };
        db.Talent.AddRange(
            Graduate("T1", Mechatronics, "青岛职业技术学院", year),
            Graduate("T2", Mechatronics, "青岛职业技术学院", year),
            Graduate("T3", Mechatronics, "山东商业职业技术学院", year),      // another school
            Graduate("T4", Mechatronics, "青岛职业技术学院", year - 1),      // another year
            Graduate("T5", Mechatronics, "青岛职业技术学院", year, shared: false)); // not in the shared pool
        foreach (var id in new[] { "T1", "T2", "T3", "T4", "T5" })
            db.TalentContacts.Add(new TalentContact { TalentId = id, Name = "学生" + id, Phone = "1381234560" + id[1..] });
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_campaign_reaches_its_audience_once_and_counts_responses_and_applications(DatabaseProvider provider)
    {
        var year = DateTime.UtcNow.Year + 1;
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, year);
        string campaignId, talkId;
        await using (var scope = database.Scope())
        {
            var campus = scope.ServiceProvider.GetRequiredService<CampusService>();
            Assert.Equal(RecruitingFailure.Invalid, (await campus.CreateAsync(Hr, new CampaignInput("秋招", "欢迎", ["999999"], [], year, []))).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await campus.CreateAsync(Hr, new CampaignInput("秋招", "欢迎", [], [], year, ["J2"]))).Failure); // not its job
            var created = await campus.CreateAsync(Hr, new CampaignInput("海卓2027届秋季校园招聘", "海卓精密诚邀机电专业同学参加宣讲会。", [Mechatronics],
                ["青岛职业技术学院"], year, ["J1"]));
            Assert.True(created.Succeeded, created.Message);
            campaignId = created.Value!.Id;
            Assert.Equal(["T1", "T2"], await campus.AudienceAsync(created.Value));

            Assert.Equal(RecruitingFailure.NotFound, (await campus.SendOutreachAsync(ForeignHr, campaignId, NoticeChannels.InApp)).Failure);
            var sent = await campus.SendOutreachAsync(Hr, campaignId, NoticeChannels.InApp | NoticeChannels.Sms);
            Assert.Equal(2, sent.Value);
            Assert.Equal(0, (await campus.SendOutreachAsync(Hr, campaignId, NoticeChannels.Sms)).Value); // nobody twice

            var talk = await campus.AddTalkAsync(Hr, campaignId, new TalkInput("青岛职业技术学院", "图书馆报告厅", DateTime.UtcNow.AddDays(10), 1));
            Assert.True(talk.Succeeded, talk.Message);
            talkId = talk.Value!.Id;
            Assert.Equal(RecruitingFailure.NotFound, (await campus.AddTalkAsync(ForeignHr, campaignId, new TalkInput("x", "y", DateTime.UtcNow.AddDays(1), 5))).Failure);
            Assert.Equal(RecruitingFailure.Invalid, (await campus.AddTalkAsync(Hr, campaignId, new TalkInput("x", "y", DateTime.UtcNow.AddDays(-1), 5))).Failure);

            // T1 signs up (a response); T2 finds the talk full; T3 applies to the linked job but is outside the audience.
            Assert.True((await campus.SignUpAsync("T1", talkId)).Succeeded);
            Assert.Equal(RecruitingFailure.Illegal, (await campus.SignUpAsync("T1", talkId)).Failure);
            Assert.Equal(RecruitingFailure.Illegal, (await campus.SignUpAsync("T2", talkId)).Failure);
            await campus.RespondAsync("T2", campaignId, "opened");
            await campus.RespondAsync("T3", campaignId, "opened"); // never reached: nothing recorded
            var recruiting = scope.ServiceProvider.GetRequiredService<RecruitingService>();
            Assert.True((await recruiting.ApplyAsync(new RecruitingActor("u-t2", null, "T2"), "J1")).Succeeded);
            Assert.True((await recruiting.ApplyAsync(new RecruitingActor("u-t3", null, "T3"), "J1")).Succeeded);
        }
        await using (var scope = database.Scope())
        {
            var campus = scope.ServiceProvider.GetRequiredService<CampusService>();
            var campaign = (await campus.FindAsync("E1", campaignId))!;
            Assert.Null(await campus.FindAsync("E2", campaignId));
            Assert.Equal(new CampaignStats(Audience: 2, Reached: 2, Responded: 2, Applications: 1, SignUps: 1), await campus.StatsAsync(campaign));
            Assert.Equal("signed_up", campaign.Recipients.Single(r => r.TalentId == "T1").Response);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // One SMS per reached seeker went to the outbox; seekers without a user account get no inbox entry.
            Assert.Equal(["13812345601", "13812345602"],
                await db.Set<OutboxMessage>().Where(m => m.Kind == CampusService.OutreachKind).Select(m => m.Destination).OrderBy(d => d).ToListAsync());
            var listing = await campus.TalksForSeekerAsync("T2");
            Assert.True(listing.Single().Targeted);
            Assert.Equal((1, false), (listing.Single().Taken, listing.Single().SignedUp));
        }
    }
}
