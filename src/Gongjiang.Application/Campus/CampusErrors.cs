namespace Gongjiang.Application.Campus;

/// <summary>Codes of the campus campaigns' errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class CampusErrors
{
    public const string EmployerOnly = "campus.employer_only";
    public const string SeekerOnly = "campus.seeker_only";
    public const string CampaignNotFound = "campus.campaign_not_found";
    public const string TalkNotFound = "campus.talk_not_found";
    public const string ChangedMeanwhile = "campus.changed_meanwhile";
    public const string Finished = "campus.finished";
    public const string Title = "campus.title";
    public const string Message = "campus.message";
    public const string UnknownMajor = "campus.unknown_major";
    public const string SchoolTooLong = "campus.school_too_long";
    public const string GraduationYear = "campus.graduation_year";
    public const string ForeignJob = "campus.foreign_job";
    public const string Channels = "campus.channels";
    public const string TalkSchool = "campus.talk_school";
    public const string TalkPlace = "campus.talk_place";
    public const string TalkCapacity = "campus.talk_capacity";
    public const string TalkStartsAtRequired = "campus.talk_starts_at_required";
    public const string TalkInPast = "campus.talk_in_past";
    public const string TalkStarted = "campus.talk_started";
    public const string AlreadySignedUp = "campus.already_signed_up";
    public const string TalkFull = "campus.talk_full";
}
