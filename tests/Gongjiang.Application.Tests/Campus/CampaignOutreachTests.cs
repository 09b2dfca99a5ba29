using Gongjiang.Application.Campus;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
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

public sealed class CampaignOutreachTests
{
    private static readonly Actor Hr = Acting.Hr("E1", "user-hr");
    private static readonly Actor ForeignHr = Acting.Hr("E2", "user-hr-b");
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
            var sp = scope.ServiceProvider;
            var unknownMajor = (await sp.RunAsAsync(Hr, new CreateCampaign.Command(new CampaignInput("秋招", "欢迎", ["999999"], [], year, []))))
                .AssertFails(ErrorKind.Invalid, CampusErrors.UnknownMajor);
            Assert.Equal(("majorCodes", "专业代码 999999 不在专业目录中。"), (unknownMajor.Field, unknownMajor.InChinese()));
            (await sp.RunAsAsync(Hr, new CreateCampaign.Command(new CampaignInput("秋招", "欢迎", [], [], year, ["J2"])))).AssertFails(ErrorKind.Invalid, CampusErrors.ForeignJob); // not its job
            (await sp.RunAsAsync(Acting.Seeker("T1"), new CreateCampaign.Command(new CampaignInput("秋招", "欢迎", [], [], year, [])))).AssertFails(ErrorKind.Forbidden, CampusErrors.EmployerOnly);
            var created = (await sp.RunAsAsync(Hr, new CreateCampaign.Command(new CampaignInput("海卓2027届秋季校园招聘", "海卓精密诚邀机电专业同学参加宣讲会。",
                [Mechatronics], ["青岛职业技术学院"], year, ["J1"])))).AssertValue();
            campaignId = created.Campaign.Id;
            Assert.Equal(2, created.Stats.Audience); // T1, T2

            (await sp.RunAsAsync(ForeignHr, new SendOutreach.Command(campaignId, ["inapp"]))).AssertFails(ErrorKind.NotFound, CampusErrors.CampaignNotFound);
            Assert.Equal("channels", (await sp.RunAsAsync(Hr, new SendOutreach.Command(campaignId, ["pigeon"]))).AssertFails(ErrorKind.Invalid, CampusErrors.Channels).Field);
            Assert.Equal(2, (await sp.RunAsAsync(Hr, new SendOutreach.Command(campaignId, ["inapp", "sms"]))).AssertValue());
            Assert.Equal(0, (await sp.RunAsAsync(Hr, new SendOutreach.Command(campaignId, ["sms"]))).AssertValue()); // nobody twice

            talkId = (await sp.RunAsAsync(Hr, new AddTalk.Command(campaignId, new TalkInput("青岛职业技术学院", "图书馆报告厅", DateTime.UtcNow.AddDays(10), 1))))
                .AssertValue().Id;
            (await sp.RunAsAsync(ForeignHr, new AddTalk.Command(campaignId, new TalkInput("x", "y", DateTime.UtcNow.AddDays(1), 5)))).AssertFails(ErrorKind.NotFound, CampusErrors.CampaignNotFound);
            Assert.Equal("startsAt", (await sp.RunAsAsync(Hr, new AddTalk.Command(campaignId, new TalkInput("x", "y", DateTime.UtcNow.AddDays(-1), 5))))
                .AssertFails(ErrorKind.Invalid, CampusErrors.TalkInPast).Field);
            var missing = await sp.RunAsAsync(Hr, new AddTalk.Command(campaignId, new TalkInput(null, " ", null, null)));
            Assert.Equal(["capacity", "place", "school", "startsAt"], missing.Errors.Select(e => e.Field).Order());

            // T1 signs up (a response); T2 finds the talk full; T3 applies to the linked job but is outside the audience.
            (await sp.RunAsAsync(Acting.Seeker("T1"), new SignUpForTalk.Command(talkId))).AssertValue();
            (await sp.RunAsAsync(Acting.Seeker("T1"), new SignUpForTalk.Command(talkId))).AssertFails(ErrorKind.Conflict, CampusErrors.AlreadySignedUp);
            (await sp.RunAsAsync(Acting.Seeker("T2"), new SignUpForTalk.Command(talkId))).AssertFails(ErrorKind.Conflict, CampusErrors.TalkFull);
            (await sp.RunAsAsync(Hr, new SignUpForTalk.Command(talkId))).AssertFails(ErrorKind.Forbidden, CampusErrors.SeekerOnly);
            (await sp.RunAsAsync(Acting.Seeker("T2"), new OpenCampaignNotice.Command(campaignId))).AssertValue();
            (await sp.RunAsAsync(Acting.Seeker("T3"), new OpenCampaignNotice.Command(campaignId))).AssertValue(); // never reached: nothing recorded
            var recruiting = sp.GetRequiredService<RecruitingService>();
            Assert.True((await recruiting.ApplyAsync(new RecruitingActor("u-t2", null, "T2"), "J1")).Succeeded);
            Assert.True((await recruiting.ApplyAsync(new RecruitingActor("u-t3", null, "T3"), "J1")).Succeeded);
        }
        await using (var scope = database.Scope())
        {
            var sp = scope.ServiceProvider;
            var campaign = (await sp.RunAsAsync(Hr, new GetCampaign.Query(campaignId))).AssertValue().Detail;
            (await sp.RunAsAsync(ForeignHr, new GetCampaign.Query(campaignId))).AssertFails(ErrorKind.NotFound, CampusErrors.CampaignNotFound);
            Assert.Equal(new CampaignStats(Audience: 2, Reached: 2, Responded: 2, Applications: 1, SignUps: 1), campaign.Stats);
            Assert.Equal("signed_up", campaign.Campaign.Recipients.Single(r => r.TalentId == "T1").Response);
            Assert.Equal("opened", campaign.Campaign.Recipients.Single(r => r.TalentId == "T2").Response);
            Assert.Equal(campaign.Stats, (await sp.RunAsAsync(Hr, new ListCampaigns.Query())).AssertValue().Campaigns.Single().Stats);
            var db = sp.GetRequiredService<AppDbContext>();
            // One SMS per reached seeker went to the outbox; seekers without a user account get no inbox entry.
            Assert.Equal(["13812345601", "13812345602"],
                await db.Set<OutboxMessage>().Where(m => m.Kind == CampaignRules.OutreachKind).Select(m => m.Destination).OrderBy(d => d).ToListAsync());
            var listing = (await sp.RunAsAsync(Acting.Seeker("T2"), new ListTalks.Query())).AssertValue();
            Assert.True(listing.Single().Targeted);
            Assert.Equal((1, false), (listing.Single().Taken, listing.Single().SignedUp));
        }
    }
}
