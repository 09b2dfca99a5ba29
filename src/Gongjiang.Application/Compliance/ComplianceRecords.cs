namespace Gongjiang.Application.Compliance;

/// <summary>What a complaint (举报) is about.</summary>
public enum ComplaintCategory
{
    FakeJob = 0,        // 虚假招聘
    Discrimination,     // 就业歧视
    FeesDeposits,       // 收取费用或押金
    FalsePay,           // 薪酬虚假
    PrivacyLeak,        // 泄露个人信息
    Other,              // 其他
}

/// <summary>Where a complaint stands: filed, being investigated by an operator, or resolved one way or the other.</summary>
public enum ComplaintStatus { Submitted = 0, Investigating, Upheld, Dismissed }

public static class ComplaintCategories
{
    public static readonly IReadOnlyList<ComplaintCategory> All = Enum.GetValues<ComplaintCategory>();

    private static readonly Dictionary<string, ComplaintCategory> ByFileName = new(StringComparer.Ordinal)
    {
        ["fake_job"] = ComplaintCategory.FakeJob, ["discrimination"] = ComplaintCategory.Discrimination,
        ["fees_deposits"] = ComplaintCategory.FeesDeposits, ["false_pay"] = ComplaintCategory.FalsePay,
        ["privacy_leak"] = ComplaintCategory.PrivacyLeak, ["other"] = ComplaintCategory.Other,
    };

    public static bool TryParse(string? value, out ComplaintCategory category) => ByFileName.TryGetValue(value ?? "", out category);

    public static string ToFileName(ComplaintCategory category) => ByFileName.First(p => p.Value == category).Key;

    public static string ChineseName(ComplaintCategory category) => category switch
    {
        ComplaintCategory.FakeJob => "虚假招聘", ComplaintCategory.Discrimination => "就业歧视",
        ComplaintCategory.FeesDeposits => "收取费用或押金", ComplaintCategory.FalsePay => "薪酬虚假",
        ComplaintCategory.PrivacyLeak => "泄露个人信息", _ => "其他",
    };
}

public static class ComplaintStatuses
{
    public static string ToFileName(ComplaintStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out ComplaintStatus status) =>
        Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(value, out _);

    public static string ChineseName(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Submitted => "待处理", ComplaintStatus.Investigating => "调查中",
        ComplaintStatus.Upheld => "举报属实", _ => "不予支持",
    };

    public static bool IsResolved(this ComplaintStatus status) => status is ComplaintStatus.Upheld or ComplaintStatus.Dismissed;
}

/// <summary>A seeker's report of a posting or an employer (举报虚假招聘), and what the platform made of it.</summary>
public sealed class Complaint
{
    public string Id { get; set; } = "";
    public string ReporterUserId { get; set; } = "";
    /// <summary>The reported posting; null when the report is about the employer as a whole.</summary>
    public string? JobId { get; set; }
    /// <summary>The employer reported, or the one that owns the reported posting.</summary>
    public string EmployerId { get; set; } = "";
    public ComplaintCategory Category { get; set; }
    public string Description { get; set; } = "";
    public string? Evidence { get; set; }
    public ComplaintStatus Status { get; set; } = ComplaintStatus.Submitted;
    public string? AssignedToUserId { get; set; }
    public string? Resolution { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

/// <summary>
/// One row of the service log (服务日志): who did what to which record, why and when. Kept at least
/// <see cref="RetentionGuard.MinimumRetentionYears"/> years; never updated.
/// </summary>
public sealed class ServiceLogEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The user who acted; "system" for background checks and imports.</summary>
    public string ActorUserId { get; set; } = "";
    public string Action { get; set; } = "";
    public string TargetKind { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>The actions written to the service log.</summary>
public static class ServiceActions
{
    public const string ComplaintFiled = "complaint.filed";
    public const string ComplaintAssigned = "complaint.assigned";
    public const string ComplaintUpheld = "complaint.upheld";
    public const string ComplaintDismissed = "complaint.dismissed";
    public const string JobTakenDown = "job.taken_down";
    public const string JobRestored = "job.restored";
    public const string JobClosedBySuspension = "job.closed_by_suspension";
    public const string EmployerSuspended = "employer.suspended";
    public const string EmployerSuspensionLifted = "employer.suspension_lifted";
    public const string ScreeningRuleChanged = "screening.rule_changed";
    public const string ScreeningApproved = "screening.approved";
    public const string PasswordReset = "account.password_reset";
    public const string PasswordChanged = "account.password_changed";
    public const string PhoneChanged = "account.phone_changed";
    public const string ProfileClaimed = "account.profile_claimed";
    public const string EmployerRegistered = "employer.registered";
    public const string UserRolesChanged = "account.roles_changed";
    public const string UserDisabled = "account.disabled";
    public const string UserEnabled = "account.enabled";
    public const string UserUnlocked = "account.unlocked";
    public const string ScreeningSentBack = "screening.sent_back";
    public const string ScreeningReviewRequested = "screening.review_requested";
    public const string SettingChanged = "setting.changed";
    public const string VerificationApproved = "employer.verification_approved";
    public const string VerificationRejected = "employer.verification_rejected";
    public const string SurveyClosed = "survey.closed";
    public const string SurveyReminded = "survey.reminded";
    public const string ProjectAccepted = "project.accepted";
    public const string ProjectDeclined = "project.declined";
    public const string MemberInvited = "account.member_invited";
    public const string MemberJoined = "account.member_joined";
    public const string MemberRemoved = "account.member_removed";
    public const string MemberMadeAdmin = "account.member_made_admin";
    public const string MemberInviteWithdrawn = "account.member_invite_withdrawn";
    public const string ApiTokenCreated = "api.token_created";
    public const string ApiTokenRevoked = "api.token_revoked";
}

public static class ServiceTargets
{
    public const string Job = "job";
    public const string Employer = "employer";
    public const string Complaint = "complaint";
    public const string ScreeningRule = "screening_rule";
    public const string Setting = "setting";
    public const string Account = "account";
    public const string Survey = "survey";
    public const string Project = "project";
    public const string ApiClient = "api_client";
}

/// <summary>Where a posting stands in the operators' screening queue.</summary>
public enum ScreeningReviewStatus { Pending = 0, Approved, SentBack, TakenDown }

/// <summary>
/// A posting waiting for an operator (人工复核): published with warnings, or its employer asked for a review. The operator
/// approves it, sends it back to the employer with a note, or takes it down.
/// </summary>
public sealed class ScreeningReview
{
    public long Id { get; set; }
    public string JobId { get; set; } = "";
    public string EmployerId { get; set; } = "";
    public ScreeningReviewStatus Status { get; set; } = ScreeningReviewStatus.Pending;
    /// <summary>True when the employer asked for the review; false when screening warnings put it here.</summary>
    public bool RequestedByEmployer { get; set; }
    /// <summary>The warnings found, one per line: rule, excerpt.</summary>
    public string Findings { get; set; } = "";
    public string? EmployerNote { get; set; }
    public string? OperatorNote { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
}
