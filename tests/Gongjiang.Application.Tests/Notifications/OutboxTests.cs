using Gongjiang.Application.Identity;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Notifications;

public sealed class OutboxTests
{
    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Talent.Add(new TalentProfile { Id = "T1", CityCode = "370211" });
        db.TalentContacts.Add(new TalentContact { TalentId = "T1", Name = "张伟", Phone = "13812345678", Email = "zhangwei@example.cn" });
        db.Talent.Add(new TalentProfile { Id = "T2", CityCode = "370211" });
        db.TalentContacts.Add(new TalentContact { TalentId = "T2", Name = "李娜" }); // no phone, no e-mail
        db.Users.Add(new AppUser { Id = "U-seeker", UserName = "seeker1", NormalizedUserName = "SEEKER1", TalentId = "T1", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    private static async Task QueueAsync(TestNode node, int count, NoticeChannels channels = NoticeChannels.InApp | NoticeChannels.Sms)
    {
        await using var scope = node.Scope();
        var notifier = scope.ServiceProvider.GetRequiredService<INotifier>();
        for (var i = 0; i < count; i++)
            await notifier.QueueAsync(new Notice("application.stage", $"申请状态更新 {i}", "您申请的「氩弧焊工」已变为「面试」。", channels, RecipientTalentId: "T1"));
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_notice_to_a_talent_reaches_its_user_inbox_and_its_phone_and_email_only_when_the_caller_saves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var node = new TestNode(database.Target, new ManualClock());

        await using (var unsaved = node.Scope())
            await unsaved.ServiceProvider.GetRequiredService<INotifier>().QueueAsync(new Notice("invitation", "未保存", "…", RecipientTalentId: "T1"));
        await QueueAsync(node, 1, NoticeChannels.InApp | NoticeChannels.Sms | NoticeChannels.Email);
        await using (var scope = node.Scope())
        {
            // No phone or e-mail on file: only the channels with an address are used, and no user means no inbox row.
            await scope.ServiceProvider.GetRequiredService<INotifier>().QueueAsync(
                new Notice("invitation", "邀请", "…", NoticeChannels.InApp | NoticeChannels.Sms | NoticeChannels.Email, RecipientTalentId: "T2"));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await using (var scope = node.Scope())
        {
            var inbox = await scope.ServiceProvider.GetRequiredService<NotificationService>().InboxAsync("U-seeker");
            Assert.Equal(["申请状态更新 0"], inbox.Items.Select(n => n.Title));
            Assert.Equal(1, inbox.Unread);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.Set<Notification>().CountAsync());
        }
        var outbox = await OutboxAsync(database);
        Assert.Equal([(OutboxChannels.Sms, "13812345678"), (OutboxChannels.Email, "zhangwei@example.cn")], outbox.Select(m => (m.Channel, m.Destination)));
        Assert.All(outbox, m => Assert.Equal(OutboxStatus.Pending, m.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Queued_messages_survive_a_restart_and_are_sent_by_the_next_instance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var clock = new ManualClock();
        var first = new TestNode(database.Target, clock);
        await QueueAsync(first, 3);
        await first.DisposeAsync(); // the process ends before anything was dispatched
        Assert.Empty(first.Sms.Sent);

        await using var second = new TestNode(database.Target, clock);
        var report = await second.DispatchAsync("node-2");
        Assert.Equal(3, report.Sent);
        Assert.Equal(["申请状态更新 0", "申请状态更新 1", "申请状态更新 2"], second.Sms.Sent.Select(m => m.Subject).Order());
        Assert.All(await OutboxAsync(database), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Equal(0, (await second.DispatchAsync("node-2")).Sent); // sent once, never again
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failing_gateway_is_retried_with_growing_delays_and_given_up_after_the_last_attempt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var clock = new ManualClock();
        await using var node = new TestNode(database.Target, clock);
        node.Sms.FailFirst = 2;
        node.Email.FailAlways = true;
        await QueueAsync(node, 1, NoticeChannels.Sms | NoticeChannels.Email);

        Assert.Equal(new DispatchReport(0, 2, 0), await node.DispatchAsync("n"));
        var afterFirst = await OutboxAsync(database);
        Assert.All(afterFirst, m => Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(1), m.NextAttemptAt, TimeSpan.FromMilliseconds(1)));
        Assert.Contains("gateway unavailable", afterFirst[0].LastError);
        Assert.Equal(new DispatchReport(0, 0, 0), await node.DispatchAsync("n")); // not due yet

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchReport(0, 2, 0), await node.DispatchAsync("n"));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchReport(0, 0, 0), await node.DispatchAsync("n")); // the second wait is two minutes
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DispatchReport(1, 0, 1), await node.DispatchAsync("n")); // third attempt: SMS goes out, e-mail is given up

        var final = await OutboxAsync(database);
        var sms = final.Single(m => m.Channel == OutboxChannels.Sms);
        var email = final.Single(m => m.Channel == OutboxChannels.Email);
        Assert.Equal((OutboxStatus.Sent, 3), (sms.Status, sms.Attempts));
        Assert.Equal((OutboxStatus.Dead, 3), (email.Status, email.Attempts));
        Assert.Contains("call 3", email.LastError);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new DispatchReport(0, 0, 0), await node.DispatchAsync("n")); // dead stays dead, kept with its error
        Assert.Single(node.Sms.Sent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_message_claimed_by_a_node_that_died_is_sent_by_another_once_the_lease_runs_out(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var clock = new ManualClock();
        var dying = new TestNode(database.Target, clock);
        await QueueAsync(dying, 1);
        await using (var scope = dying.Scope())
            Assert.Single(await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().ClaimDueAsync("node-a"));
        await dying.DisposeAsync(); // claimed, never sent: the node is gone

        await using var survivor = new TestNode(database.Target, clock);
        Assert.Equal(0, (await survivor.DispatchAsync("node-b")).Sent); // the lease still holds
        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await survivor.DispatchAsync("node-b")).Sent);
        var message = Assert.Single(await OutboxAsync(database));
        Assert.Equal((OutboxStatus.Sent, "node-b", 2), (message.Status, message.LeaseOwner, message.Attempts));
        Assert.Single(survivor.Sms.Sent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_nodes_dispatching_at_once_never_send_the_same_message(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        var clock = new ManualClock();
        await using var a = new TestNode(database.Target, clock);
        await using var b = new TestNode(database.Target, clock);
        await QueueAsync(a, 20);

        var reports = await Task.WhenAll(Task.Run(() => a.DispatchAsync("node-a")), Task.Run(() => b.DispatchAsync("node-b")));
        Assert.Equal(20, reports.Sum(r => r.Sent));
        var sentIds = a.Sms.Sent.Concat(b.Sms.Sent).Select(m => m.Id).ToList();
        Assert.Equal(20, sentIds.Distinct().Count());
        Assert.Equal(20, sentIds.Count);
        Assert.All(await OutboxAsync(database), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_inbox_marks_one_or_all_read_and_never_another_users_notification(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var node = new TestNode(database.Target, new ManualClock());
        await QueueAsync(node, 3, NoticeChannels.InApp);
        await using var scope = node.Scope();
        var inbox = scope.ServiceProvider.GetRequiredService<NotificationService>();
        var items = (await inbox.InboxAsync("U-seeker")).Items;
        Assert.Null(await inbox.MarkReadAsync("someone-else", items[0].Id));
        Assert.NotNull(await inbox.MarkReadAsync("U-seeker", items[0].Id));
        Assert.Equal(2, await inbox.UnreadCountAsync("U-seeker"));
        Assert.Equal(2, (await inbox.InboxAsync("U-seeker", unreadOnly: true)).Total);
        Assert.Equal(2, await inbox.MarkAllReadAsync("U-seeker"));
        Assert.Equal(0, await inbox.UnreadCountAsync("U-seeker"));
    }
}

public sealed class FileMessageSenderTests
{
    [Fact]
    public async Task The_development_sender_appends_one_json_line_per_message_to_a_file_per_channel_and_day()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gongjiang-outbox-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var clock = new ManualClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
            var sender = new FileMessageSender(OutboxChannels.Sms, folder, clock);
            await sender.SendAsync(new OutboxMessage { Id = 7, Channel = OutboxChannels.Sms, Destination = "13812345678", Kind = "invitation", Subject = "投递邀请", Body = "欢迎投递" }, default);
            await sender.SendAsync(new OutboxMessage { Id = 8, Channel = OutboxChannels.Sms, Destination = "13987654321", Kind = "offer.sent", Subject = "录用意向", Body = "月薪 9000 元" }, default);

            var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "sms-20261122.jsonl"));
            Assert.Equal(2, lines.Length);
            using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
            Assert.Equal((7, "13812345678", "欢迎投递"), (first.RootElement.GetProperty("id").GetInt32(), first.RootElement.GetProperty("to").GetString(),
                first.RootElement.GetProperty("body").GetString()));
            Assert.Contains("月薪 9000 元", lines[1]); // readable Chinese, not \u escapes
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void By_default_the_file_sender_writes_beside_the_SQLite_database()
    {
        var services = new ServiceCollection();
        services.AddGongjiang(DatabaseTarget.Parse("/tmp/gongjiang-x/data/gongjiang.db"));
        using var provider = services.BuildServiceProvider();
        Assert.Equal("/tmp/gongjiang-x/data/outbox", NotificationServiceRegistration.FileSenderFolder(provider));
        Assert.Equal(["email", "sms"], provider.GetServices<IMessageSender>().Select(s => s.Channel).Order());
    }
}
