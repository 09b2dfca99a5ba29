namespace Gongjiang.Application.Recruiting;

/// <summary>Codes of the recruiting pipeline's errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class RecruitingErrors
{
    public const string NoAccount = "recruiting.no_account";
    public const string SeekersOnly = "recruiting.seekers_only";
    public const string UnderAge = "recruiting.under_age";
    public const string AlreadyApplied = "recruiting.already_applied";
    public const string NotFound = "recruiting.not_found";
    public const string NotOfJob = "recruiting.not_of_job";
    public const string ChangedMeanwhile = "recruiting.changed_meanwhile";
    public const string UnknownStage = "recruiting.unknown_stage";
    public const string RejectThroughReject = "recruiting.reject_through_reject";
    public const string SignThroughConfirm = "recruiting.sign_through_confirm";
    public const string OfferThroughCard = "recruiting.offer_through_card";
    public const string RejectUnconfirmed = "recruiting.reject_unconfirmed";
    public const string RejectReasonRequired = "recruiting.reject_reason_required";
    public const string SeekerOnlyWithdraws = "recruiting.seeker_only_withdraws";
    public const string OnlySeekerWithdraws = "recruiting.only_seeker_withdraws";
    public const string Closed = "recruiting.closed";
    public const string IllegalMove = "recruiting.illegal_move";
    public const string InterviewNotFound = "recruiting.interview_not_found";
    public const string InterviewOver = "recruiting.interview_over";
    public const string InterviewOverNoReschedule = "recruiting.interview_over_no_reschedule";
    public const string InterviewStatusChoice = "recruiting.interview_status_choice";
    public const string InterviewCancelledNoScore = "recruiting.interview_cancelled_no_score";
    public const string InterviewPlaceRequired = "recruiting.interview_place_required";
    public const string InterviewLinkHttp = "recruiting.interview_link_http";
    public const string InterviewTimeRequired = "recruiting.interview_time_required";
    public const string ScoreRange = "recruiting.score_range";
    public const string OfferPayPositive = "recruiting.offer_pay_positive";
    public const string OfferPlaceRequired = "recruiting.offer_place_required";
    public const string OfferDatesRequired = "recruiting.offer_dates_required";
    public const string OfferExpiresInPast = "recruiting.offer_expires_in_past";
    public const string OfferStartsInPast = "recruiting.offer_starts_in_past";
    public const string NoPendingOffer = "recruiting.no_pending_offer";
    public const string OfferExpired = "recruiting.offer_expired";
    public const string OfferNotAccepted = "recruiting.offer_not_accepted";
    public const string NoneSelected = "recruiting.none_selected";
    public const string TooManySelected = "recruiting.too_many_selected";
}
