namespace Gongjiang.Application.Sharing;

/// <summary>Codes of the sharing and consent errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class SharingErrors
{
    public const string TalentNotFound = "sharing.talent_not_found";
    public const string PurposeRequired = "sharing.purpose_required";
    public const string PurposeTooLong = "sharing.purpose_too_long";
    public const string KindsRequired = "sharing.kinds_required";
    public const string UnknownKind = "sharing.unknown_kind";
    public const string AlreadyGranted = "sharing.already_granted";
    public const string RequestPending = "sharing.request_pending";
    public const string DailyLimit = "sharing.daily_limit";
    public const string RequestNotFound = "sharing.request_not_found";
    public const string AlreadyAnswered = "sharing.already_answered";
    public const string ConsentNotFound = "sharing.consent_not_found";
    public const string AlreadyRevoked = "sharing.already_revoked";
    public const string UnknownSource = "sharing.unknown_source";
}
