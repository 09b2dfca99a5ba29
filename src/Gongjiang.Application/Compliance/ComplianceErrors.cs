namespace Gongjiang.Application.Compliance;

/// <summary>Codes of the errors of complaints, screening reviews and compliance settings (messages in Common/Results/ErrorMessages.resx).</summary>
public static class ComplianceErrors
{
    public const string OperatorsOnly = "compliance.operators_only";
    public const string SignInRequired = "compliance.sign_in_required";
    public const string ReportOneTarget = "compliance.report_one_target";
    public const string DescriptionTooShort = "compliance.description_too_short";
    public const string DescriptionTooLong = "compliance.description_too_long";
    public const string EvidenceTooLong = "compliance.evidence_too_long";
    public const string CategoryRequired = "compliance.category_required";
    public const string UnknownCategory = "compliance.unknown_category";
    public const string ReportTargetNotFound = "compliance.report_target_not_found";
    public const string ComplaintNotFound = "compliance.complaint_not_found";
    public const string AssignResolved = "compliance.assign_resolved";
    public const string AlreadyResolved = "compliance.already_resolved";
    public const string AssigneeNotOperator = "compliance.assignee_not_operator";
    public const string UpheldRequired = "compliance.upheld_required";
    public const string ResolveReasonRequired = "compliance.resolve_reason_required";
    public const string ReasonTooLong = "compliance.reason_too_long";
    public const string TakedownReasonRequired = "compliance.takedown_reason_required";
    public const string AlreadyTakenDown = "compliance.already_taken_down";
    public const string RestoreReasonRequired = "compliance.restore_reason_required";
    public const string NotTakenDown = "compliance.not_taken_down";
    public const string LiftReasonRequired = "compliance.lift_reason_required";
    public const string NotSuspended = "compliance.not_suspended";
    public const string AlreadyInReview = "compliance.already_in_review";
    public const string NoteTooLong = "compliance.note_too_long";
    public const string SendbackNoteRequired = "compliance.sendback_note_required";
    public const string ReviewNotFound = "compliance.review_not_found";
    public const string ReviewDecided = "compliance.review_decided";
    public const string ThresholdRange = "compliance.threshold_range";
    public const string UnknownRule = "compliance.unknown_rule";
}
