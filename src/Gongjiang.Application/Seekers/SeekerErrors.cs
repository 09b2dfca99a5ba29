namespace Gongjiang.Application.Seekers;

/// <summary>Codes of the seekers' everyday tools' errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class SeekerErrors
{
    public const string NotSeeker = "seeker.not_seeker";
    public const string UnknownMark = "seeker.unknown_mark";
    public const string EmployerNotFound = "seeker.employer_not_found";
    public const string WorkHistoryTooMany = "seeker.work_history_too_many";
    public const string NotMonth = "seeker.not_month";
    public const string EndBeforeStart = "seeker.end_before_start";
    public const string InFuture = "seeker.in_future";
    public const string AttachmentRequired = "seeker.attachment_required";
    public const string AttachmentTooLarge = "seeker.attachment_too_large";
    public const string AttachmentType = "seeker.attachment_type";
    public const string AttachmentExtension = "seeker.attachment_extension";
    public const string AttachmentTooMany = "seeker.attachment_too_many";
    public const string AttachmentNotFound = "seeker.attachment_not_found";
}
