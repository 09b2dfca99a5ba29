namespace Gongjiang.Application.Chat;

public static class ChatErrors
{
    public const string NotFound = "chat.not_found";
    public const string NoAccount = "chat.no_account";
    public const string JobNotOpen = "chat.job_not_open";
    public const string TalentNotShared = "chat.talent_not_shared";
    public const string TextRequired = "chat.text_required";
    public const string TooLong = "chat.too_long";
    public const string Held = "chat.held";
    public const string Blocked = "chat.blocked";
    public const string DailyLimit = "chat.daily_limit";
    public const string EmployerOnly = "chat.employer_only";
    public const string NoApplication = "chat.no_application";
    public const string ReasonRequired = "chat.reason_required";
    public const string SendingTooFast = "chat.sending_too_fast";
}
