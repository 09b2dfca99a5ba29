using System.Diagnostics.CodeAnalysis;

namespace Gongjiang.Core.Recruiting;

/// <summary>
/// A seeker's application for one job (申请), from applying to signing. Named JobApplication because
/// "Application" is also the name of the application-services namespace.
/// </summary>
public sealed class JobApplication
{
    public string Id { get; set; } = "";
    public string JobId { get; set; } = "";
    public string TalentId { get; set; } = "";
    /// <summary>The job's employer, kept here so ownership checks need no join.</summary>
    public string EmployerId { get; set; } = "";
    public ApplicationStage Stage { get; set; }
    public DateTime AppliedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>
    /// When HR of the job's employer first opened the seeker's résumé after this application was made (已查看); null until
    /// then. Shown to the seeker; not a change of the application, so the version stays.
    /// </summary>
    public DateTime? ViewedAt { get; set; }
    /// <summary>Changed on every update; a writer holding an older value loses with a conflict instead of overwriting.</summary>
    public Guid Version { get; set; }
    public List<StageChange> History { get; set; } = [];
    public List<Interview> Interviews { get; set; } = [];
    public List<OfferCard> Offers { get; set; } = [];

    /// <summary>The offer that counts: the most recently sent one.</summary>
    public OfferCard? CurrentOffer => Offers.OrderByDescending(o => o.SentAt).ThenByDescending(o => o.Id).FirstOrDefault();

    /// <summary>Moves to <paramref name="to"/> when the actor may; the refusal reason otherwise (nothing changes then).</summary>
    public string? TryMove(ApplicationStage to, RecruitingRole role, string userId, DateTime at, string? reason)
    {
        if (ApplicationStages.Refusal(Stage, to, role) is { } refusal) return refusal;
        if (to == ApplicationStage.Rejected && string.IsNullOrWhiteSpace(reason)) return "拒绝申请须填写原因。";
        History.Add(new StageChange { ApplicationId = Id, From = Stage, To = to, ByUserId = userId, At = at, Reason = reason?.Trim() });
        Stage = to;
        Touch(at);
        return null;
    }

    public void Touch(DateTime at)
    {
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}

public enum ApplicationStage
{
    Applied = 0,
    Screening,
    Interview,
    Offer,
    [SuppressMessage("Naming", "CA1720:Identifier contains type name",
        Justification = "The stage where the contract is signed (签约), not an integer type; the name is in the personal-data export.")]
    Signed,
    Rejected,
    Withdrawn,
}

/// <summary>Which side of the application acts: the seeker who applied or the job's employer.</summary>
public enum RecruitingRole { Seeker, Employer }

/// <summary>The pipeline's state machine: the one place that says which stage changes are legal and for whom.</summary>
public static class ApplicationStages
{
    public static readonly IReadOnlyList<ApplicationStage> Pipeline =
        [ApplicationStage.Applied, ApplicationStage.Screening, ApplicationStage.Interview, ApplicationStage.Offer, ApplicationStage.Signed];

    public static readonly IReadOnlyList<ApplicationStage> All = Enum.GetValues<ApplicationStage>();

    public static bool IsClosed(ApplicationStage stage) => stage is ApplicationStage.Signed or ApplicationStage.Rejected or ApplicationStage.Withdrawn;

    /// <summary>
    /// Forward along the pipeline (screening may be skipped, signing only from an offer), rejection and withdrawal from any
    /// open stage. Closed applications stay closed; nothing goes backwards, so the history reads as what happened.
    /// </summary>
    public static bool CanMove(ApplicationStage from, ApplicationStage to) => (from, to) switch
    {
        _ when IsClosed(from) || from == to => false,
        (_, ApplicationStage.Rejected or ApplicationStage.Withdrawn) => true,
        (ApplicationStage.Applied, ApplicationStage.Screening or ApplicationStage.Interview) => true,
        (ApplicationStage.Screening, ApplicationStage.Interview) => true,
        (ApplicationStage.Interview, ApplicationStage.Offer) => true,
        (ApplicationStage.Offer, ApplicationStage.Signed) => true,
        _ => false,
    };

    /// <summary>Seekers may only withdraw; employers move every other stage but cannot withdraw for the seeker.</summary>
    public static bool MayMove(RecruitingRole role, ApplicationStage to) =>
        role == RecruitingRole.Seeker ? to == ApplicationStage.Withdrawn : to != ApplicationStage.Withdrawn;

    /// <summary>Why a change is refused, in words for the user; null when it is allowed.</summary>
    public static string? Refusal(ApplicationStage from, ApplicationStage to, RecruitingRole role)
    {
        if (!MayMove(role, to))
            return role == RecruitingRole.Seeker ? "求职者只能撤回自己的申请。" : "只有求职者本人可以撤回申请。";
        if (IsClosed(from)) return $"申请已处于「{ChineseName(from)}」，不能再变更。";
        if (!CanMove(from, to)) return $"不能从「{ChineseName(from)}」变更为「{ChineseName(to)}」。";
        return null;
    }

    /// <summary>The outcome the ranker learns from, for the stages that have one (screening has none).</summary>
    public static OutcomeStage? OutcomeFor(ApplicationStage stage) => stage switch
    {
        ApplicationStage.Applied => OutcomeStage.Applied,
        ApplicationStage.Interview => OutcomeStage.Interviewed,
        ApplicationStage.Offer => OutcomeStage.Offered,
        ApplicationStage.Signed => OutcomeStage.Hired,
        ApplicationStage.Rejected => OutcomeStage.Rejected,
        ApplicationStage.Withdrawn => OutcomeStage.Withdrawn,
        _ => null,
    };

    public static string ChineseName(ApplicationStage stage) => stage switch
    {
        ApplicationStage.Applied => "已申请",
        ApplicationStage.Screening => "筛选中",
        ApplicationStage.Interview => "面试",
        ApplicationStage.Offer => "录用意向",
        ApplicationStage.Signed => "已签约",
        ApplicationStage.Rejected => "未通过",
        ApplicationStage.Withdrawn => "已撤回",
        _ => stage.ToString(),
    };

    public static string ToFileName(ApplicationStage stage) => stage.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out ApplicationStage stage)
    {
        stage = default;
        return value is { Length: > 0 } && Enum.TryParse(value, ignoreCase: true, out stage) && Enum.IsDefined(stage)
            && !char.IsAsciiDigit(value[0]);
    }
}

/// <summary>One entry of an application's history: who moved it, when, from where to where and why.</summary>
public sealed class StageChange
{
    public long Id { get; set; }
    public string ApplicationId { get; set; } = "";
    /// <summary>Null for the first entry, the application itself.</summary>
    public ApplicationStage? From { get; set; }
    public ApplicationStage To { get; set; }
    public string ByUserId { get; set; } = "";
    public DateTime At { get; set; }
    public string? Reason { get; set; }
}

/// <summary>An interview for an application: a time and a place or an online link, with scorecards from the interviewers.</summary>
public sealed class Interview
{
    public string Id { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public InterviewStatus Status { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Scorecard> Scorecards { get; set; } = [];
}

public enum InterviewStatus { Scheduled = 0, Rescheduled, Cancelled, Done }

/// <summary>One interviewer's verdict: a score from 1 to 5 and notes. One card per interviewer per interview.</summary>
public sealed class Scorecard
{
    public long Id { get; set; }
    public string InterviewId { get; set; } = "";
    public string InterviewerUserId { get; set; } = "";
    public string InterviewerName { get; set; } = "";
    public int Score { get; set; }
    public string? Notes { get; set; }
    public DateTime At { get; set; }
}

/// <summary>An offer card (offer卡): monthly pay, start date, place and expiry; the seeker answers it in the app.</summary>
public sealed class OfferCard
{
    public string Id { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public int MonthlyPay { get; set; }
    public DateOnly StartDate { get; set; }
    public string Place { get; set; } = "";
    public DateOnly ExpiresOn { get; set; }
    public OfferStatus Status { get; set; }
    public DateTime SentAt { get; set; }
    public DateTime? AnsweredAt { get; set; }

    /// <summary>An unanswered offer past its expiry day can no longer be accepted.</summary>
    public bool IsExpiredOn(DateOnly day) => Status == OfferStatus.Sent && day > ExpiresOn;
}

public enum OfferStatus { Sent = 0, Accepted, Declined, Superseded, Expired }
