using System.Security.Claims;
using Gongjiang.Application.Notifications;
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

    private static string? UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier);

    private static async Task<Results<Ok<InboxView>, ProblemHttpResult>> List(NotificationService inbox, HttpContext http, bool? unread, int? skip, int? take,
        CancellationToken ct)
    {
        if (UserId(http) is not { } userId) return ApiResults.NotFound("user");
        if (skip is < 0 || take is < 1 or > 200)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "输入有误 / Invalid input", detail: "skip must be ≥ 0 and take 1–200");
        var page = await inbox.InboxAsync(userId, unread == true, skip ?? 0, take ?? 50, ct);
        return TypedResults.Ok(new InboxView(page.Unread, page.Total, page.Items.Select(ToView).ToList()));
    }

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> MarkRead(long id, NotificationService inbox, HttpContext http, CancellationToken ct)
    {
        var notification = UserId(http) is { } userId ? await inbox.MarkReadAsync(userId, id, ct) : null;
        return notification is null ? ApiResults.NotFound($"notification {id}") : TypedResults.Ok(ToView(notification));
    }

    private static async Task<Results<Ok<int>, ProblemHttpResult>> MarkAllRead(NotificationService inbox, HttpContext http, CancellationToken ct) =>
        UserId(http) is { } userId ? TypedResults.Ok(await inbox.MarkAllReadAsync(userId, ct)) : ApiResults.NotFound("user");
}
