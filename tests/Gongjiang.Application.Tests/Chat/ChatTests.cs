using Gongjiang.Application.Chat;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Chat;

public sealed class ChatTests
{
    private static readonly Actor Hr = Acting.Employer("U-hr", "E1");
    private static readonly Actor ForeignHr = Acting.Employer("U-hr-b", "E2");
    private static readonly Actor Seeker = Acting.Seeker("U-seeker", "T1");
    private static readonly Actor OtherSeeker = Acting.Seeker("U-seeker-2", "T2");

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Employers.AddRange(
            new Employer { Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now },
            new Employer { Id = "E2", Name = "青岛蓝芯微电子有限公司", Uscc = "91370212MA3D1B5Q4B", CityCode = "370212", IndustryCluster = "集成电路", Verification = VerificationStatus.Verified, CreatedAt = now, UpdatedAt = now });
        foreach (var (id, employer) in new[] { ("J1", "E1"), ("J2", "E1"), ("J3", "E2") })
            db.Jobs.Add(new JobPosting { Id = id, EmployerId = employer, Title = id == "J1" ? "氩弧焊工" : "数控车工", OccupationCode = "6-18-02-04", CityCode = "370211",
                SalaryMin = 7000, SalaryMax = 11000, PostedAt = DateOnly.FromDateTime(now), Status = JobStatus.Open, Description = "负责焊接。", CreatedAt = now, UpdatedAt = now });
        foreach (var (id, name, phone, shared) in new[] { ("T1", "张伟", "13812345678", true), ("T2", "李娜", "13987654321", true), ("T3", "王强", "13700001111", true), ("T4", "赵敏", "13600002222", false) })
        {
            db.Talent.Add(new TalentProfile { Id = id, CityCode = "370211", SharedWithZone = shared });
            db.TalentContacts.Add(new TalentContact { TalentId = id, Name = name, Phone = phone });
        }
        db.Users.AddRange(
            new AppUser { Id = "U-hr", UserName = "hr1", NormalizedUserName = "HR1", EmployerId = "E1", CreatedAt = now },
            new AppUser { Id = "U-hr-b", UserName = "hr2", NormalizedUserName = "HR2", EmployerId = "E2", CreatedAt = now },
            new AppUser { Id = "U-seeker", UserName = "seeker1", NormalizedUserName = "SEEKER1", TalentId = "T1", CreatedAt = now },
            new AppUser { Id = "U-seeker-2", UserName = "seeker2", NormalizedUserName = "SEEKER2", TalentId = "T2", CreatedAt = now });
        await db.SaveChangesAsync();
    }

    private static async Task<(TestDatabase Database, string ConversationId)> StartedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var started = (await scope.ServiceProvider.RunAsAsync(Seeker, new StartConversation.Command("J1"))).AssertValue();
        return (database, started.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Screening_holds_phone_numbers_wechat_ids_and_fee_bait_and_delivers_the_rest_in_order(DatabaseProvider provider)
    {
        var (database, id) = await StartedAsync(provider);
        await using var _ = database;
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;

        var hello = (await services.RunAsAsync(Seeker, new SendMessage.Command(id, "您好，这个岗位还招人吗？"))).AssertValue();
        Assert.Equal(1, hello.Seq);
        var phone = (await services.RunAsAsync(Seeker, new SendMessage.Command(id, "我的手机 138 1234 5678，打给我"))).AssertFails(ErrorKind.Refused, ChatErrors.Held);
        Assert.Contains("站外联系方式", phone.InChinese());
        (await services.RunAsAsync(Seeker, new SendMessage.Command(id, "加我微信：zhangwei_88"))).AssertFails(ErrorKind.Refused, ChatErrors.Held);
        var fee = (await services.RunAsAsync(Hr, new SendMessage.Command(id, "入职前需交押金500元，名额有限"))).AssertFails(ErrorKind.Refused, ChatErrors.Held);
        Assert.Contains("收取押金或费用", fee.InChinese());
        var reply = (await services.RunAsAsync(Hr, new SendMessage.Command(id, "还在招，欢迎来厂里看看。"))).AssertValue();
        Assert.Equal((2L, "employer"), (reply.Seq, reply.Side));
        (await services.RunAsAsync(Hr, new SendMessage.Command(id, new string('好', 1001)))).AssertFails(ErrorKind.Invalid, ChatErrors.TooLong);
        (await services.RunAsAsync(Hr, new SendMessage.Command(id, "  "))).AssertFails(ErrorKind.Invalid, ChatErrors.TextRequired);

        var db = services.GetRequiredService<AppDbContext>();
        Assert.Equal(3, await db.Set<HeldChatMessage>().CountAsync());
        var seen = (await services.RunAsAsync(Seeker, new GetConversation.Query(id))).AssertValue();
        Assert.Equal(["您好，这个岗位还招人吗？", "还在招，欢迎来厂里看看。"], seen.Messages.Select(m => m.Text));
        Assert.DoesNotContain(seen.Messages, m => m.Text.Contains("1234", StringComparison.Ordinal) || m.Text.Contains("押金", StringComparison.Ordinal));
        // A reconnecting client asks for what came after the last number it holds.
        var missed = (await services.RunAsAsync(Seeker, new GetConversation.Query(id, AfterSeq: 1))).AssertValue();
        Assert.Equal([2L], missed.Messages.Select(m => m.Seq));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chatting_does_not_reveal_the_seekers_name_or_contact_and_nobody_else_reads_the_conversation(DatabaseProvider provider)
    {
        var (database, id) = await StartedAsync(provider);
        await using var _ = database;
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        (await services.RunAsAsync(Seeker, new SendMessage.Command(id, "我有三年氩弧焊经验。"))).AssertValue();

        var asHr = (await services.RunAsAsync(Hr, new GetConversation.Query(id))).AssertValue();
        Assert.Equal("张*", asHr.SeekerName);
        var inbox = Assert.Single((await services.RunAsAsync(Hr, new ListConversations.Query())).AssertValue());
        Assert.Equal(("张*", 1), (inbox.OtherName, inbox.Unread));
        Assert.Equal("张伟", (await services.RunAsAsync(Seeker, new GetConversation.Query(id))).AssertValue().SeekerName);

        (await services.RunAsAsync(ForeignHr, new GetConversation.Query(id))).AssertFails(ErrorKind.NotFound, ChatErrors.NotFound);
        (await services.RunAsAsync(ForeignHr, new SendMessage.Command(id, "你好"))).AssertFails(ErrorKind.NotFound, ChatErrors.NotFound);
        (await services.RunAsAsync(OtherSeeker, new GetConversation.Query(id))).AssertFails(ErrorKind.NotFound, ChatErrors.NotFound);
        Assert.Empty((await services.RunAsAsync(ForeignHr, new ListConversations.Query())).AssertValue());
        (await services.RunAsAsync(Acting.Operator(), new GetConversation.Query(id))).AssertFails(ErrorKind.Forbidden, ChatErrors.NoAccount);

        // Reading moves the receipt: HR has read up to 1, the seeker's view shows it.
        Assert.Equal(1, (await services.RunAsAsync(Hr, new MarkConversationRead.Command(id))).AssertValue());
        Assert.Equal(1, (await services.RunAsAsync(Seeker, new GetConversation.Query(id))).AssertValue().OtherReadSeq);
        Assert.Equal(0, Assert.Single((await services.RunAsAsync(Hr, new ListConversations.Query())).AssertValue()).Unread);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Hr_opens_conversations_only_with_shared_profiles_and_at_most_the_daily_limit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var node = new TestNode(database.Target, new ManualClock(), s => s.Configure<ChatOptions>(o => o.DailyNewConversationsPerHr = 2));
        await using var scope = node.Scope();
        var services = scope.ServiceProvider;

        (await services.RunAsAsync(Hr, new StartConversation.Command("J1", "T4"))).AssertFails(ErrorKind.Refused, ChatErrors.TalentNotShared);
        (await services.RunAsAsync(Hr, new StartConversation.Command("J3", "T1"))).AssertFails(ErrorKind.NotFound, Gongjiang.Application.Jobs.JobErrors.NotFound);
        var first = (await services.RunAsAsync(Hr, new StartConversation.Command("J1", "T1"))).AssertValue();
        Assert.Equal(first.Id, (await services.RunAsAsync(Hr, new StartConversation.Command("J1", "T1"))).AssertValue().Id); // the same one, not counted again
        (await services.RunAsAsync(Hr, new StartConversation.Command("J1", "T2"))).AssertValue();
        (await services.RunAsAsync(Hr, new StartConversation.Command("J2", "T3"))).AssertFails(ErrorKind.TooMany, ChatErrors.DailyLimit);
        // A seeker opening one is not HR's quota.
        (await services.RunAsAsync(Acting.Seeker("U-t3", "T3"), new StartConversation.Command("J1"))).AssertValue();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_block_stops_both_sides_until_the_blocker_lifts_it_and_a_seekers_report_files_a_complaint(DatabaseProvider provider)
    {
        var (database, id) = await StartedAsync(provider);
        await using var _ = database;
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;

        (await services.RunAsAsync(Seeker, new BlockConversation.Command(id))).AssertValue();
        (await services.RunAsAsync(Hr, new SendMessage.Command(id, "在吗？"))).AssertFails(ErrorKind.Refused, ChatErrors.Blocked);
        (await services.RunAsAsync(Hr, new SendJobCard.Command(id))).AssertFails(ErrorKind.Refused, ChatErrors.Blocked);
        (await services.RunAsAsync(Hr, new BlockConversation.Command(id, Block: false))).AssertValue(); // not HR's block to lift
        (await services.RunAsAsync(Seeker, new SendMessage.Command(id, "还有问题"))).AssertFails(ErrorKind.Refused, ChatErrors.Blocked);
        Assert.True((await services.RunAsAsync(Hr, new GetConversation.Query(id))).AssertValue().Blocked);
        (await services.RunAsAsync(Seeker, new BlockConversation.Command(id, Block: false))).AssertValue();
        (await services.RunAsAsync(Hr, new SendMessage.Command(id, "在吗？"))).AssertValue();

        (await services.RunAsAsync(Seeker, new ReportConversation.Command(id, " "))).AssertFails(ErrorKind.Invalid, ChatErrors.ReasonRequired);
        var report = (await services.RunAsAsync(Seeker, new ReportConversation.Command(id, "对方要求先交培训费", "fees_deposits"))).AssertValue();
        var complaint = await services.GetRequiredService<AppDbContext>().Complaints.SingleAsync();
        Assert.Equal((report.ComplaintId, "E1", ComplaintCategory.FeesDeposits), (complaint.Id, complaint.EmployerId, complaint.Category));
        Assert.Null((await services.RunAsAsync(Hr, new ReportConversation.Command(id, "骚扰"))).AssertValue().ComplaintId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Hr_sends_a_job_card_and_an_invitation_through_the_recruiting_use_cases_and_a_seeker_cannot(DatabaseProvider provider)
    {
        var (database, id) = await StartedAsync(provider);
        await using var _ = database;
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;

        var card = (await services.RunAsAsync(Hr, new SendJobCard.Command(id, "J2"))).AssertValue();
        Assert.Equal(("job_card", "J2", "数控车工", "7000-11000"), (card.Kind, card.JobId, card.JobTitle, card.Pay));
        (await services.RunAsAsync(Hr, new SendJobCard.Command(id, "J3"))).AssertFails(ErrorKind.NotFound, Gongjiang.Application.Jobs.JobErrors.NotFound);
        (await services.RunAsAsync(Seeker, new SendJobCard.Command(id))).AssertFails(ErrorKind.Forbidden, ChatErrors.EmployerOnly);
        (await services.RunAsAsync(Hr, new ProposeInterview.Command(id, DateTime.UtcNow.AddDays(2), "一号厂房"))).AssertFails(ErrorKind.Refused, ChatErrors.NoApplication);

        var invitation = (await services.RunAsAsync(Hr, new InviteFromChat.Command(id, "欢迎投递"))).AssertValue();
        Assert.Equal(("invitation", 2L), (invitation.Kind, invitation.Seq));
        var stored = await services.GetRequiredService<AppDbContext>().Set<Gongjiang.Core.Recruiting.Invitation>().SingleAsync();
        Assert.Equal((stored.Id, "T1", "J1"), (invitation.ReferenceId, stored.TalentId, stored.JobId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Operators_keep_or_release_held_messages_and_close_reports_and_nobody_else_may(DatabaseProvider provider)
    {
        var (database, id) = await StartedAsync(provider);
        await using var _ = database;
        await using var scope = database.Scope();
        var services = scope.ServiceProvider;
        var op = Acting.Operator();

        (await services.RunAsAsync(Seeker, new SendMessage.Command(id, "您好"))).AssertValue();
        (await services.RunAsAsync(Seeker, new SendMessage.Command(id, "加我微信：zhangwei_88"))).AssertFails(ErrorKind.Refused, ChatErrors.Held);
        // A road number is not a phone number, but the operator decides that, not the sender.
        (await services.RunAsAsync(Hr, new SendMessage.Command(id, "厂址：高新区138号路，电话面试后发offer，请加微信群了解班车"))).AssertFails(ErrorKind.Refused, ChatErrors.Held);
        (await services.RunAsAsync(Hr, new ReportConversation.Command(id, "求职者发送无关广告"))).AssertValue();

        (await services.RunAsAsync(Seeker, new ListChatReview.Query())).AssertFails(ErrorKind.Forbidden, ComplianceErrors.OperatorsOnly);
        (await services.RunAsAsync(Hr, new DecideHeldMessage.Command(1, true))).AssertFails(ErrorKind.Forbidden, ComplianceErrors.OperatorsOnly);
        var review = (await services.RunAsAsync(op, new ListChatReview.Query())).AssertValue();
        Assert.Equal(["seeker", "employer"], review.Held.Select(h => h.Side));
        Assert.Equal("加我微信：zhangwei_88", review.Held[0].Text);
        Assert.Contains(Gongjiang.Core.Compliance.ScreeningRules.OffPlatformContact, review.Held[0].Rules);
        var report = Assert.Single(review.Reports);
        Assert.Equal(("employer", "求职者发送无关广告", "氩弧焊工"), (report.Side, report.Reason, report.JobTitle));

        (await services.RunAsAsync(op, new DecideHeldMessage.Command(review.Held[0].Id, false))).AssertValue();
        (await services.RunAsAsync(op, new DecideHeldMessage.Command(review.Held[1].Id, true))).AssertValue();
        (await services.RunAsAsync(op, new DecideHeldMessage.Command(review.Held[1].Id, true))).AssertFails(ErrorKind.NotFound, ChatErrors.NotFound);
        (await services.RunAsAsync(op, new CloseChatReport.Command(report.Id, " "))).AssertFails(ErrorKind.Invalid, ChatErrors.ReasonRequired);
        (await services.RunAsAsync(op, new CloseChatReport.Command(report.Id, "已提醒求职者，无需处理"))).AssertValue();

        var after = (await services.RunAsAsync(op, new ListChatReview.Query())).AssertValue();
        Assert.Empty(after.Held);
        Assert.Empty(after.Reports);
        // The released message arrives after the one before it, with the next number; the kept one never does.
        var seen = (await services.RunAsAsync(Seeker, new GetConversation.Query(id))).AssertValue();
        Assert.Equal([(1L, "您好"), (2L, "厂址：高新区138号路，电话面试后发offer，请加微信群了解班车")], seen.Messages.Select(m => (m.Seq, m.Text)));
        Assert.NotEmpty(seen.Messages[1].Flags);
        var db = services.GetRequiredService<AppDbContext>();
        Assert.Equal(["chat.held_kept", "chat.held_released", "chat.report_closed"],
            await db.ServiceLog.Where(e => e.TargetId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }
}
