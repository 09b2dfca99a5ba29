namespace Gongjiang.Core.Recruiting;

/// <summary>
/// An invitation to apply (定向邀请投递): HR asks a talent to apply to one of the employer's open jobs, with a message.
/// The seeker accepts (which applies) or declines; an unanswered invitation expires.
/// </summary>
public sealed class Invitation
{
    public string Id { get; set; } = "";
    public string JobId { get; set; } = "";
    public string EmployerId { get; set; } = "";
    public string TalentId { get; set; } = "";
    public string InvitedByUserId { get; set; } = "";
    public string Message { get; set; } = "";
    public InvitationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>The application an accepted invitation led to.</summary>
    public string? ApplicationId { get; set; }

    public bool IsOpenAt(DateTime now) => Status == InvitationStatus.Pending && now < ExpiresAt;
}

public enum InvitationStatus { Pending = 0, Accepted, Declined, Expired }

public static class InvitationStatuses
{
    public static string ChineseName(InvitationStatus status) => status switch
    {
        InvitationStatus.Pending => "待答复",
        InvitationStatus.Accepted => "已接受",
        InvitationStatus.Declined => "已婉拒",
        _ => "已过期",
    };

    public static string ToFileName(InvitationStatus status) => status.ToString().ToLowerInvariant();
}
