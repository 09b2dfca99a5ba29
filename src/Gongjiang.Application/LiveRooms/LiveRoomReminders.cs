using Gongjiang.Application.Common;
using Gongjiang.Application.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.LiveRooms;

/// <summary>
/// Reminds the subscribers of rooms about to start (within <see cref="LiveRoomReminderOptions.Lead"/>), through the inbox and by
/// e-mail when they have an address. Each subscription is claimed by marking it reminded before its notice is queued, in one
/// transaction, so two nodes running at once remind each subscriber once.
/// </summary>
public sealed class LiveRoomReminders(LiveRoomService live, INotifier notifier, IOptions<LiveRoomReminderOptions> options)
{
    /// <summary>Sends the due reminders; answers how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = live.Now;
        var until = now + options.Value.Lead;
        var due = await (from s in live.Db.Set<LiveRoomSubscription>().AsNoTracking()
                         join r in live.Rooms.AsNoTracking() on s.RoomId equals r.Id
                         where s.RemindedAt == null && r.Status == LiveRoomStatus.Scheduled && r.StartsAt <= until && r.EndsAt > now
                         select new { SubscriptionId = s.Id, s.UserId, RoomId = r.Id, r.Title, r.StartsAt }).Take(500).ToListAsync(ct);
        var sent = 0;
        foreach (var reminder in due)
        {
            await using var transaction = await live.Db.Database.BeginTransactionAsync(ct);
            var claimed = await live.Db.Set<LiveRoomSubscription>().Where(s => s.Id == reminder.SubscriptionId && s.RemindedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemindedAt, now), ct);
            if (claimed == 0) continue;
            var starts = LiveRoomService.Utc(reminder.StartsAt) + DailyQuota.ChinaOffset;
            await notifier.QueueAsync(new Notice("live.reminder", $"直播即将开始：{reminder.Title}",
                $"您订阅的直播「{reminder.Title}」将于北京时间 {starts:MM-dd HH:mm} 开始，点击进入直播间。",
                NoticeChannels.InApp | NoticeChannels.Email, RecipientUserId: reminder.UserId, Link: $"/Live/{reminder.RoomId}"), ct);
            await live.Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            sent++;
        }
        return sent;
    }
}

/// <summary>Every minute, reminds the subscribers of rooms about to start.</summary>
public sealed class LiveRoomReminderTask : IPeriodicTask
{
    public string Name => "live-room reminders";
    public TimeSpan FirstRunAfter => TimeSpan.FromSeconds(20);
    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public Task RunAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<LiveRoomReminders>().SendDueAsync(ct);
}
