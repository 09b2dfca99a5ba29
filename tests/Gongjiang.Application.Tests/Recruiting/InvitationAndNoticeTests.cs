using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Identity;
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

namespace Gongjiang.Application.Tests.Recruiting;

public sealed class InvitationAndNoticeTests
{
    private static readonly RecruitingActor Hr = new("U-hr", "E1", null, "王经理");
    private static readonly RecruitingActor ForeignHr = new("U-hr-b", "E2", null, "赵");
    private static readonly RecruitingActor Seeker = new("U-seeker", null, "T1", "张伟");
    private static readonly RecruitingActor OtherSeeker = new("U-seeker-2", null, "T2", "李娜");

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        foreach (var id in new[] { "J1", "J2" })
            db.Jobs.Add(new JobPosting { Id = id, EmployerId = "E1", Title = id == "J1" ? "氩弧焊工" : "数控车工", OccupationCode = "6-18-02-04", CityCode = "370211",
                SalaryMin = 7000, SalaryMax = 11000, PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "负责焊接。", CreatedAt = now, UpdatedAt = now });
        foreach (var (id, name, phone) in new[] { ("T1", "张伟", "13812345678"), ("T2", "李娜", "13987654321"), ("T3", "王强", null) })
        {
            db.Talent.Add(new TalentProfile { Id = id, CityCode = "370211" });
            db.TalentContacts.Add(new TalentContact { TalentId = id, Name = name, Phone = phone });
        }
        db.Users.AddRange(
            new AppUser { Id = "U-hr", UserName = "hr1", NormalizedUserName = "HR1", EmployerId = "E1", CreatedAt = now },
            new AppUser { Id = "U-hr-b", UserName = "hr2", NormalizedUserName = "HR2", EmployerId = "E2", CreatedAt = now },
            new AppUser { Id = "U-seeker", UserName = "seeker1", NormalizedUserName = "SEEKER1", TalentId = "T1", CreatedAt = now },
            new AppUser { Id = "U-seeker-2", UserName = "seeker2", NormalizedUserName = "SEEKER2", TalentId = "T2", CreatedAt = now });
        await db.SaveChangesAsync();
    }

    private static async Task<List<Notification>> InboxAsync(TestNode node, string userId)
    {
        await using var scope = node.Scope();
        return (await scope.ServiceProvider.GetRequiredService<NotificationService>().InboxAsync(userId)).Items.ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_invited_seeker_accepts_and_an_application_is_made_with_notices_to_both_sides(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var node = new TestNode(database.Target, new ManualClock());
        string invitationId;
        await using (var scope = node.Scope())
        {
            var invited = await scope.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(Hr, "J1", "T1", "您的氩弧焊经验很合适，欢迎投递。");
            Assert.True(invited.Succeeded, invited.ToString());
            invitationId = invited.Value!.Id;
        }
        var seekerInbox = await InboxAsync(node, "U-seeker");
        Assert.Equal("invitation", Assert.Single(seekerInbox).Kind);
        Assert.Contains("欢迎投递", seekerInbox[0].Body);

        await using (var scope = node.Scope())
        {
            var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
            Assert.Equal(ErrorKind.NotFound, (await invitations.AcceptAsync(OtherSeeker, invitationId)).FailureKind); // not theirs
            var accepted = await invitations.AcceptAsync(Seeker, invitationId);
            Assert.True(accepted.Succeeded, accepted.ToString());
            Assert.Equal(InvitationStatus.Accepted, accepted.Value!.Status);
            Assert.Equal(ErrorKind.Conflict, (await invitations.DeclineAsync(Seeker, invitationId)).FailureKind); // answered once
        }
        await using (var scope = node.Scope())
        {
            var application = Assert.Single(await scope.ServiceProvider.GetRequiredService<RecruitingService>().ForSeekerAsync("T1"));
            Assert.Equal(("J1", ApplicationStage.Applied), (application.JobId, application.Stage));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(application.Id, (await db.Set<Invitation>().SingleAsync()).ApplicationId);
            Assert.Equal([OutcomeStage.Applied, OutcomeStage.Invited], (await db.Outcomes.Select(o => o.Stage).ToListAsync()).Order());
            Assert.Contains(await db.Set<OutboxMessage>().ToListAsync(), m => m.Channel == OutboxChannels.Sms && m.Destination == "13812345678" && m.Kind == "invitation");
        }
        Assert.Equal(["application.new", "invitation.answered"], (await InboxAsync(node, "U-hr")).Select(n => n.Kind).Order());
        Assert.Empty(await InboxAsync(node, "U-hr-b"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invitations_refuse_duplicates_foreign_jobs_and_unknown_talent_and_decline_and_expire(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var clock = new ManualClock();
        await using var node = new TestNode(database.Target, clock);
        await using var scope = node.Scope();
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();

        var first = await invitations.InviteAsync(Hr, "J1", "T2", null);
        Assert.True(first.Succeeded, first.ToString());
        var duplicate = await invitations.InviteAsync(Hr, "J1", "T2", "再邀请一次");
        Assert.Equal(ErrorKind.Conflict, duplicate.FailureKind);
        Assert.Contains("正在等待答复", duplicate.Text());
        Assert.Equal(ErrorKind.NotFound, (await invitations.InviteAsync(ForeignHr, "J1", "T3", null)).FailureKind);
        Assert.Equal(ErrorKind.NotFound, (await invitations.InviteAsync(Hr, "J1", "T404", null)).FailureKind);
        Assert.True((await invitations.InviteAsync(Hr, "J2", "T2", null)).Succeeded); // another job is another invitation

        var declined = await invitations.DeclineAsync(OtherSeeker, first.Value!.Id);
        Assert.Equal(InvitationStatus.Declined, declined.Value!.Status);
        var again = await invitations.InviteAsync(Hr, "J1", "T2", "岗位有调整，再次邀请");
        Assert.True(again.Succeeded, again.ToString()); // no longer pending

        var expiring = await invitations.InviteAsync(Hr, "J1", "T3", null);
        clock.Advance(TimeSpan.FromDays(invitations.Options.ExpiryDays) + TimeSpan.FromMinutes(1));
        var late = await invitations.AcceptAsync(new RecruitingActor("U-t3", null, "T3"), expiring.Value!.Id);
        Assert.Equal(ErrorKind.Conflict, late.FailureKind);
        Assert.Equal(InvitationStatus.Expired, (await invitations.ForTalentAsync("T3")).Single().Status);
        // Every invitation left unanswered past its time is expired; the declined one stays declined.
        Assert.Equal(["declined", "expired", "expired", "expired"],
            (await invitations.ForEmployerAsync("E1")).Select(i => InvitationStatuses.ToFileName(i.Status)).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_employer_over_its_daily_invitation_limit_is_refused_until_the_next_day(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var clock = new ManualClock(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(2), TimeSpan.Zero)); // 10:00 in China
        await using var node = new TestNode(database.Target, clock, s => s.Configure<InvitationOptions>(o => o.DailyLimitPerEmployer = 2));
        await using var scope = node.Scope();
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        Assert.True((await invitations.InviteAsync(Hr, "J1", "T1", null)).Succeeded);
        Assert.True((await invitations.InviteAsync(Hr, "J1", "T2", null)).Succeeded);
        var over = await invitations.InviteAsync(Hr, "J1", "T3", null);
        Assert.Equal(ErrorKind.TooMany, over.FailureKind);
        Assert.Contains("每天 2 次", over.Text());
        Assert.True((await invitations.InviteAsync(ForeignHr, "J9", "T3", null)).FailureKind == ErrorKind.NotFound);
        clock.Advance(TimeSpan.FromHours(14)); // 00:00 the next day in China
        Assert.True((await invitations.InviteAsync(Hr, "J1", "T3", null)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_step_of_the_pipeline_notifies_the_other_side_in_the_same_save(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var clock = new ManualClock();
        await using var node = new TestNode(database.Target, clock);
        await using (var scope = node.Scope())
        {
            var service = scope.ServiceProvider.GetRequiredService<RecruitingService>();
            var id = (await service.ApplyAsync(Seeker, "J1")).Value!.Id;
            Assert.True((await service.MoveAsync(Hr, id, ApplicationStage.Screening, null, "简历符合")).Succeeded);
            var scheduled = await service.ScheduleInterviewAsync(Hr, id, new InterviewInput(DateTime.UtcNow.AddDays(2), "黄岛区车间三楼", null), null);
            var interviewId = scheduled.Value!.Interviews.Single().Id;
            Assert.True((await service.RescheduleInterviewAsync(Hr, id, interviewId, new InterviewInput(DateTime.UtcNow.AddDays(3), "黄岛区车间三楼", null))).Succeeded);
            Assert.True((await service.SetInterviewStatusAsync(Hr, id, interviewId, InterviewStatus.Cancelled)).Succeeded);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Assert.True((await service.SendOfferAsync(Hr, id, new OfferInput(9500, today.AddDays(30), "青岛黄岛区", today.AddDays(3)), null)).Succeeded);
            Assert.True((await service.AnswerOfferAsync(Seeker, id, accept: false)).Succeeded);
            // A refused change queues nothing.
            Assert.Equal(ErrorKind.Conflict, (await service.MoveAsync(Hr, id, ApplicationStage.Screening, null)).FailureKind);
        }
        Assert.Equal(["application.stage", "interview.cancelled", "interview.rescheduled", "interview.scheduled", "offer.sent"],
            (await InboxAsync(node, "U-seeker")).Select(n => n.Kind).Order());
        Assert.Equal(["application.new", "offer.answered"], (await InboxAsync(node, "U-hr")).Select(n => n.Kind).Order());
        Assert.Empty(await InboxAsync(node, "U-hr-b"));
        await using (var scope = node.Scope())
        {
            var sms = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().Where(m => m.Channel == OutboxChannels.Sms).ToListAsync();
            Assert.Equal(5, sms.Count);
            Assert.All(sms, m => Assert.Equal("13812345678", m.Destination));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unanswered_offer_past_its_expiry_becomes_expired_and_both_sides_hear_of_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var clock = new ManualClock();
        await using var node = new TestNode(database.Target, clock);
        string id;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using (var scope = node.Scope())
        {
            var service = scope.ServiceProvider.GetRequiredService<RecruitingService>();
            id = (await service.ApplyAsync(Seeker, "J1")).Value!.Id;
            await service.ScheduleInterviewAsync(Hr, id, new InterviewInput(DateTime.UtcNow.AddDays(1), "车间", null), null);
            Assert.True((await service.SendOfferAsync(Hr, id, new OfferInput(9000, today.AddDays(10), "青岛", today.AddDays(1)), null)).Succeeded);
            Assert.Equal(0, await service.ExpireOffersAsync()); // still valid
        }
        clock.Advance(TimeSpan.FromDays(2));
        await using (var scope = node.Scope())
        {
            var service = scope.ServiceProvider.GetRequiredService<RecruitingService>();
            Assert.Equal(1, await service.ExpireOffersAsync());
            Assert.Equal(0, await service.ExpireOffersAsync()); // once only
            var application = (await service.ForSeekerAsync("T1")).Single();
            Assert.Equal(OfferStatus.Expired, application.CurrentOffer!.Status);
            Assert.Equal(ErrorKind.Conflict, (await service.AnswerOfferAsync(Seeker, id, accept: true)).FailureKind);
        }
        Assert.Contains(await InboxAsync(node, "U-seeker"), n => n.Kind == "offer.expired");
        Assert.Contains(await InboxAsync(node, "U-hr"), n => n.Kind == "offer.expired");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bulk_move_changes_each_application_by_the_usual_rules_and_reports_each_result(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var node = new TestNode(database.Target, new ManualClock());
        await using var scope = node.Scope();
        var service = scope.ServiceProvider.GetRequiredService<RecruitingService>();
        var a1 = (await service.ApplyAsync(Seeker, "J1")).Value!.Id;
        var a2 = (await service.ApplyAsync(OtherSeeker, "J1")).Value!.Id;
        var a3 = (await service.ApplyAsync(new RecruitingActor("U-t3", null, "T3"), "J1")).Value!.Id;
        var other = (await service.ApplyAsync(Seeker, "J2")).Value!.Id;
        Assert.True((await service.MoveAsync(Hr, a3, ApplicationStage.Interview, null)).Succeeded);

        Assert.Null(await service.BulkChangeAsync(ForeignHr, "J1", [a1, a2], ApplicationStage.Screening, null, false));
        var results = (await service.BulkChangeAsync(Hr, "J1", [a1, a2, a3, other], ApplicationStage.Screening, null, false))!;
        Assert.Equal([true, true, false, false], results.Select(r => r.Succeeded));
        Assert.Equal(ErrorKind.Conflict, results[2].Error!.Kind);
        Assert.Contains("不能从「面试」变更为「筛选中」", results[2].Error!.Text());
        Assert.Equal(ErrorKind.NotFound, results[3].Error!.Kind);

        var unconfirmed = (await service.BulkChangeAsync(Hr, "J1", [a1, a2], ApplicationStage.Rejected, "岗位已招满", confirmed: false))!;
        Assert.All(unconfirmed, r => Assert.Equal(ErrorKind.Invalid, r.Error!.Kind));
        var rejected = (await service.BulkChangeAsync(Hr, "J1", [a1, a2], ApplicationStage.Rejected, "岗位已招满", confirmed: true))!;
        Assert.All(rejected, r => Assert.True(r.Succeeded));
        var board = (await service.ForJobAsync("E1", "J1"))!;
        Assert.Equal([ApplicationStage.Interview, ApplicationStage.Rejected, ApplicationStage.Rejected], board.Select(a => a.Stage).Order());
        Assert.All(board.Where(a => a.Stage == ApplicationStage.Rejected), a => Assert.Equal("岗位已招满", a.History.OrderBy(h => h.Id).Last().Reason));
    }
}
