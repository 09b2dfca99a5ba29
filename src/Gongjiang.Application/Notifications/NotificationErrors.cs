namespace Gongjiang.Application.Notifications;

/// <summary>Codes of the inbox's errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class NotificationErrors
{
    public const string NoAccount = "notifications.no_account";
    public const string NotFound = "notifications.not_found";
}
