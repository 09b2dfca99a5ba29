using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Notifications;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Api;

/// <summary>The signed-in user's inbox: list (newest first, with the unread count) and mark read. Another user's notification answers 404.</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder v1)
    {
        var me = v1.MapGroup("/me/notifications").WithTags("Notifications").RequireAuthorization();
        me.MapGet("/", List).WithName("GetMyNotifications").WithSummary("The signed-in user's notifications, newest first, with the unread count");
        me.MapPost("/{id:long}/read", MarkRead).WithName("MarkNotificationRead").WithSummary("Mark one notification read");
        me.MapPost("/read-all", MarkAllRead).WithName("MarkAllNotificationsRead").WithSummary("Mark all of the user's notifications read");
        return v1;
    }

    public sealed record NotificationView(long Id, string Kind, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt);
    public sealed record InboxView(int Unread, int Total, IReadOnlyList<NotificationView> Items);

    public static NotificationView ToView(Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt);

    private static async Task<Results<Ok<InboxView>, ProblemHttpResult>> List(IUseCases useCases, [Description("true: unread ones only")] bool? unread,
        [Range(0, ListInbox.MaxSkip), Description("Notifications to pass over, 0–100000 (default 0)")] int? skip,
        [Range(1, ListInbox.MaxTake), Description("At most this many, 1–200 (default 50)")] int? take, CancellationToken ct) =>
        (await useCases.RunAsync(new ListInbox.Query(unread == true, skip ?? 0, take ?? 50), ct))
            .ToHttp(page => new InboxView(page.Unread, page.Total, page.Items.Select(ToView).ToList()));

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> MarkRead(long id, IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new MarkNotificationRead.Command(id), ct)).ToHttp(ToView);

    private static async Task<Results<Ok<int>, ProblemHttpResult>> MarkAllRead(IUseCases useCases, CancellationToken ct) =>
        (await useCases.RunAsync(new MarkAllNotificationsRead.Command(), ct)).ToHttp();
}
