using Gongjiang.Application.Common;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Talent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Tests.Common;

public sealed class PeriodicTaskSchedulerTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    /// <summary>Counts its runs, fails the first <see cref="FailFirst"/>, and reports when it has run <see cref="Wanted"/> times.</summary>
    private class CountingTask(string name, int wanted, int failFirst = 0) : IPeriodicTask
    {
        private int _runs;
        public string Name => name;
        public int Wanted => wanted;
        public int FailFirst => failFirst;
        public TimeSpan FirstRunAfter => TimeSpan.Zero;
        public TimeSpan Interval => TimeSpan.FromMilliseconds(5);
        public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly List<IServiceProvider> Scopes = [];

        public Task RunAsync(IServiceProvider services, CancellationToken ct)
        {
            var run = Interlocked.Increment(ref _runs);
            lock (Scopes) Scopes.Add(services);
            if (run <= failFirst) throw new InvalidOperationException($"{name} run {run} fails");
            if (run >= wanted) Done.TrySetResult();
            return Task.CompletedTask;
        }
    }

    /// <summary>A task the container builds, as the product's tasks are.</summary>
    private sealed class Registered() : CountingTask("registered", wanted: 3);

    [Fact]
    public async Task One_scheduler_runs_every_registered_task_again_and_again_each_run_in_its_own_scope_and_after_a_failure()
    {
        var first = new CountingTask("first", wanted: 3);
        var second = new CountingTask("second", wanted: 3);
        var flaky = new CountingTask("flaky", wanted: 3, failFirst: 2);
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Critical)).AddSingleton(TimeProvider.System);
        foreach (var task in new[] { first, second, flaky }) services.AddSingleton<IPeriodicTask>(task);
        services.AddPeriodicTask<Registered>().AddPeriodicTask<Registered>(); // added twice: still one task and one scheduler
        await using var provider = services.BuildServiceProvider();
        var scheduler = Assert.IsType<PeriodicTaskScheduler>(Assert.Single(provider.GetServices<IHostedService>()));
        var registered = Assert.Single(scheduler.Tasks.OfType<Registered>());
        Assert.Equal(4, scheduler.Tasks.Count);

        await scheduler.StartAsync(CancellationToken.None);
        await Task.WhenAll(first.Done.Task, second.Done.Task, flaky.Done.Task, registered.Done.Task).WaitAsync(Guard);
        await scheduler.StopAsync(CancellationToken.None);

        foreach (var task in new[] { first, second, flaky, registered })
            lock (task.Scopes) Assert.Equal(task.Scopes.Count, task.Scopes.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_web_apps_background_work_is_nine_tasks_under_the_scheduler_and_each_runs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Talent.Add(new TalentProfile { Id = "T1", CityCode = "370211" });
            db.TalentContacts.Add(new TalentContact { TalentId = "T1", Name = "张伟", Phone = "13812345678" });
            await db.SaveChangesAsync();
        }
        await using var node = new TestNode(database.Target, TimeProvider.System, s => s.AddGongjiangBackgroundTasks());
        await using (var scope = node.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<INotifier>().QueueAsync(new Notice("application.stage", "申请状态更新", "您申请的「氩弧焊工」已变为「面试」。",
                NoticeChannels.Sms, RecipientTalentId: "T1"));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }
        await using var services = node.Scope();
        var scheduler = services.ServiceProvider.GetRequiredService<PeriodicTaskScheduler>();
        Assert.Equal(["import", "live-room presence upkeep", "live-room reminders", "live-room viewer samples", "live-room viewers", "offer-invitation-expiry", "outbox", "retention", "verification-expiry"],
            scheduler.Tasks.Select(t => t.Name).Order(StringComparer.Ordinal));

        // Started, the scheduler sends the queued message at once (the outbox runs first thing; the daily tasks wait a minute).
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            using var timeout = new CancellationTokenSource(Guard);
            while (node.Sms.Sent.Count == 0) await Task.Delay(20, timeout.Token);
        }
        finally { await scheduler.StopAsync(CancellationToken.None); }
        Assert.Equal("application.stage", Assert.Single(node.Sms.Sent).Kind);

        foreach (var task in scheduler.Tasks)
            Assert.True(await scheduler.RunOnceAsync(task), task.Name);
    }
}
