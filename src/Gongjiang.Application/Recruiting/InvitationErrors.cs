namespace Gongjiang.Application.Recruiting;

/// <summary>Codes of the invitations' errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class InvitationErrors
{
    public const string NotFound = "invitations.not_found";
    public const string TalentNotFound = "invitations.talent_not_found";
    public const string JobNotOpen = "invitations.job_not_open";
    public const string MessageTooLong = "invitations.message_too_long";
    public const string AlreadyApplied = "invitations.already_applied";
    public const string Pending = "invitations.pending";
    public const string DailyLimit = "invitations.daily_limit";
    public const string Withdrawn = "invitations.withdrawn";
    public const string JobClosed = "invitations.job_closed";
    public const string Expired = "invitations.expired";
    public const string Answered = "invitations.answered";
}
