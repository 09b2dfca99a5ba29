using Gongjiang.Application.Identity;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Recruiting;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Sharing;

/// <summary>Sharing through accepted invitations, the notices around contact requests, and the daily request limit.</summary>
public sealed class SharingNoticeAndInvitationTests
{
    private static readonly Viewer Hr = new("U-hr", "E1", null);
    private static readonly Viewer ForeignHr = new("U-hr-b", "E2", null);
    private static readonly Gongjiang.Application.Common.Actor HrUser = Acting.Employer("U-hr", "E1");
    private static readonly Gongjiang.Application.Common.Actor ForeignHrUser = Acting.Employer("U-hr-b", "E2");
    private static readonly Gongjiang.Application.Common.Actor SeekerT1 = Acting.Seeker("U-t1", "T1");
    private static readonly RecruitingActor HrActor = new("U-hr", "E1", null, "王经理");

    private static async Task SeedAsync(TestDatabase database)
    {
        await SharingSeed.SeedAsync(database);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        db.Users.AddRange(
            new AppUser { Id = "U-hr", UserName = "hr1", NormalizedUserName = "HR1", EmployerId = "E1", CreatedAt = now },
            new AppUser { Id = "U-hr-b", UserName = "hr2", NormalizedUserName = "HR2", EmployerId = "E2", CreatedAt = now },
            new AppUser { Id = "U-t1", UserName = "seeker1", NormalizedUserName = "SEEKER1", TalentId = "T1", CreatedAt = now },
            new AppUser { Id = "U-t3", UserName = "seeker3", NormalizedUserName = "SEEKER3", TalentId = "T3", CreatedAt = now },
            new AppUser { Id = "U-t5", UserName = "seeker5", NormalizedUserName = "SEEKER5", TalentId = "T5", CreatedAt = now });
        await db.SaveChangesAsync();
    }

    private static async Task<T> WithAsync<T>(TestNode node, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = node.Scope();
        return await action(scope.ServiceProvider);
    }

    private static Task<List<Notification>> InboxAsync(TestNode node, string userId) =>
        WithAsync(node, async sp => (await sp.GetRequiredService<NotificationService>().InboxAsync(userId)).Items.ToList());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_an_invitation_shares_contact_with_that_employer_until_the_application_is_withdrawn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var node = new TestNode(database.Target, new ManualClock());
        var seeker = new RecruitingActor("U-t3", null, "T3", "王强");

        // T3 is not in the shared pool: before accepting, the inviting employer cannot open the profile at all.
        Assert.Null(await WithAsync(node, sp => sp.GetRequiredService<SharingService>().AccessAsync(Hr, "T3")));
        var invited = await WithAsync(node, sp => sp.GetRequiredService<InvitationService>().InviteAsync(HrActor, "J1", "T3", "欢迎投递"));
        Assert.True(invited.Succeeded, invited.ToString());
        Assert.Null(await WithAsync(node, sp => sp.GetRequiredService<SharingService>().AccessAsync(Hr, "T3"))); // a pending invitation shares nothing

        var accepted = await WithAsync(node, sp => sp.GetRequiredService<InvitationService>().AcceptAsync(seeker, invited.Value!.Id));
        Assert.True(accepted.Succeeded, accepted.ToString());
        var access = (await WithAsync(node, sp => sp.GetRequiredService<SharingService>().AccessAsync(Hr, "T3")))!;
        Assert.Equal(("王强", "13700002222", ContactKinds.All, AccessBasis.Application), (access.Contact!.Name, access.Contact.Phone, access.Revealed, access.Basis));
        Assert.Null(await WithAsync(node, sp => sp.GetRequiredService<SharingService>().AccessAsync(ForeignHr, "T3"))); // only that employer

        var withdrawn = await WithAsync(node, sp => sp.GetRequiredService<RecruitingService>().WithdrawAsync(seeker, accepted.Value!.ApplicationId!, "已找到工作", null));
        Assert.True(withdrawn.Succeeded, withdrawn.ToString());
        Assert.Null(await WithAsync(node, sp => sp.GetRequiredService<SharingService>().AccessAsync(Hr, "T3")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_an_invitation_does_not_revive_a_withdrawn_application(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var node = new TestNode(database.Target, new ManualClock());
        var seeker = new RecruitingActor("U-t5", null, "T5", "孙七");

        var invited = await WithAsync(node, sp => sp.GetRequiredService<InvitationService>().InviteAsync(HrActor, "J1", "T5", null));
        Assert.True(invited.Succeeded, invited.ToString());
        var applied = await WithAsync(node, sp => sp.GetRequiredService<RecruitingService>().ApplyAsync(seeker, "J1"));
        Assert.True(applied.Succeeded, applied.ToString());
        Assert.True((await WithAsync(node, sp => sp.GetRequiredService<RecruitingService>().WithdrawAsync(seeker, applied.Value!.Id, null, null))).Succeeded);

        var accepted = await WithAsync(node, sp => sp.GetRequiredService<InvitationService>().AcceptAsync(seeker, invited.Value!.Id));
        Assert.Equal(Gongjiang.Application.Common.Results.ErrorKind.Conflict, accepted.FailureKind);
        var access = (await WithAsync(node, sp => sp.GetRequiredService<SharingService>().AccessAsync(Hr, "T5")))!;
        Assert.Equal((ContactKinds.None, AccessBasis.SharedPool, "孙*"), (access.Revealed, access.Basis, access.Contact!.Name));
        var invitation = await WithAsync(node, sp => sp.GetRequiredService<AppDbContext>().Set<Invitation>().AsNoTracking().SingleAsync());
        Assert.Equal(InvitationStatus.Pending, invitation.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contact_requests_notify_the_seeker_and_answers_notify_the_employer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var node = new TestNode(database.Target, new ManualClock());

        var asked = await WithAsync(node, sp => sp.RunAsAsync(HrUser, new RequestContact.Command("T1", "邀请面试", ["name", "phone"])));
        Assert.True(asked.Succeeded, asked.ToString());
        var notice = Assert.Single(await InboxAsync(node, "U-t1"));
        Assert.Equal(("contact.request", "/Seeker/Privacy"), (notice.Kind, notice.Link));
        Assert.Contains("青岛海卓精密机械有限公司", notice.Title);
        Assert.Contains("姓名、手机号", notice.Body);
        var sms = await WithAsync(node, sp => sp.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == "contact.request").ToListAsync());
        Assert.Equal(("13812345678", OutboxChannels.Sms), (Assert.Single(sms).Destination, sms[0].Channel));
        Assert.Empty(await InboxAsync(node, "U-hr"));

        Assert.True((await WithAsync(node, sp => sp.RunAsAsync(SeekerT1, new AnswerContactRequest.Command(asked.Value.Request.Id, true, ["phone"])))).Succeeded);
        var granted = Assert.Single(await InboxAsync(node, "U-hr"));
        Assert.Equal(("contact.answered", "/Employer/Talent/View/T1"), (granted.Kind, granted.Link));
        Assert.Contains("同意", granted.Title);
        Assert.Contains("手机号", granted.Body);
        Assert.DoesNotContain("姓名", granted.Body); // only what was granted

        var second = await WithAsync(node, sp => sp.RunAsAsync(ForeignHrUser, new RequestContact.Command("T1", "岗位推荐", ["email"])));
        Assert.True(second.Succeeded, second.ToString());
        Assert.True((await WithAsync(node, sp => sp.RunAsAsync(SeekerT1, new AnswerContactRequest.Command(second.Value.Request.Id, false)))).Succeeded);
        Assert.Contains("拒绝", Assert.Single(await InboxAsync(node, "U-hr-b")).Title);
        Assert.Single(await InboxAsync(node, "U-hr")); // the other employer hears nothing of it
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_employer_may_send_only_the_configured_number_of_contact_requests_a_day(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)); // 10:00 China time
        await using var node = new TestNode(database.Target, clock, s => s.Configure<SharingOptions>(o => o.DailyContactRequestsPerEmployer = 2));
        Task<Gongjiang.Application.Common.Results.Result<ContactRequestView>> Ask(Gongjiang.Application.Common.Actor employer, string talentId) =>
            WithAsync(node, sp => sp.RunAsAsync(employer, new RequestContact.Command(talentId, "邀请面试", ["phone"])));

        Assert.True((await Ask(HrUser, "T1")).Succeeded);
        Assert.True((await Ask(HrUser, "T2")).Succeeded);
        var refused = await Ask(HrUser, "T5");
        Assert.Equal(Gongjiang.Application.Common.Results.ErrorKind.TooMany, refused.FailureKind);
        Assert.Equal(SharingErrors.DailyLimit, refused.Errors[0].Code);
        Assert.Contains("2", Gongjiang.Application.Common.Results.ErrorText.For(refused.Errors[0], System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        Assert.True((await Ask(ForeignHrUser, "T5")).Succeeded); // the limit is per employer

        clock.Advance(TimeSpan.FromHours(13)); // 23:00 China time, still the same day
        Assert.Equal(Gongjiang.Application.Common.Results.ErrorKind.TooMany, (await Ask(HrUser, "T5")).FailureKind);
        clock.Advance(TimeSpan.FromHours(1)); // the next day in China
        Assert.True((await Ask(HrUser, "T5")).Succeeded);
    }
}
