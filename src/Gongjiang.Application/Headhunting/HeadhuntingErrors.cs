namespace Gongjiang.Application.Headhunting;

/// <summary>Codes of the headhunting projects' errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class HeadhuntingErrors
{
    public const string ProjectNotFound = "headhunting.project_not_found";
    public const string CandidateNotFound = "headhunting.candidate_not_found";
    public const string TalentNotFound = "headhunting.talent_not_found";
    public const string NoEmployer = "headhunting.no_employer";
    public const string AgencyOnly = "headhunting.agency_only";
    public const string ChangedMeanwhile = "headhunting.changed_meanwhile";
    public const string ProjectClosed = "headhunting.project_closed";
    public const string CannotReopen = "headhunting.cannot_reopen";
    public const string ProjectNotOpen = "headhunting.project_not_open";
    public const string CandidatesClosed = "headhunting.candidates_closed";
    public const string AlreadyCandidate = "headhunting.already_candidate";
    public const string CandidateFinished = "headhunting.candidate_finished";
    public const string DropReasonRequired = "headhunting.drop_reason_required";
    public const string StageSkip = "headhunting.stage_skip";
    public const string UnknownStage = "headhunting.unknown_stage";
    public const string UnknownStatus = "headhunting.unknown_status";
    public const string UnknownPeriod = "headhunting.unknown_period";
    public const string Title = "headhunting.title";
    public const string TargetHeadcount = "headhunting.target_headcount";
    public const string ClientIsAgency = "headhunting.client_is_agency";
    public const string UnknownClient = "headhunting.unknown_client";
    public const string UnknownOccupation = "headhunting.unknown_occupation";
    public const string MinGrade = "headhunting.min_grade";
    public const string City = "headhunting.city";
    public const string PayRange = "headhunting.pay_range";
    public const string EndsBeforeStart = "headhunting.ends_before_start";
    public const string TextTooLong = "headhunting.text_too_long";
    public const string NotAccepted = "headhunting.not_accepted";
    public const string ClientOnly = "headhunting.client_only";
    public const string AlreadyDecided = "headhunting.already_decided";
    public const string DeclineReasonRequired = "headhunting.decline_reason_required";
}
