namespace Gongjiang.Application.LiveRooms;

public static class LiveRoomErrors
{
    public const string NotFound = "live.not_found";
    public const string HostOnly = "live.host_only";
    public const string MayNotHost = "live.may_not_host";
    public const string SignInRequired = "live.sign_in_required";
    public const string SeekerOnly = "live.seeker_only";
    public const string TitleRequired = "live.title_required";
    public const string StreamUrlInvalid = "live.stream_url_invalid";
    public const string TimesInvalid = "live.times_invalid";
    public const string TextRequired = "live.text_required";
    public const string TooLong = "live.too_long";
    public const string NotLive = "live.not_live";
    public const string Ended = "live.ended";
    public const string JobNotOurs = "live.job_not_ours";
    public const string SendingTooFast = "live.sending_too_fast";
}

public static class LiveRoomAudienceErrors
{
    public const string OfferReasonRequired = "live.offer_reason_required";
    public const string OfferPayInvalid = "live.offer_pay_invalid";
    public const string ViewerNotInRoom = "live.viewer_not_in_room";
    public const string JobNotInRoom = "live.job_not_in_room";
    public const string PushKindInvalid = "live.push_kind_invalid";
    public const string AlreadyStarted = "live.already_started";
}
