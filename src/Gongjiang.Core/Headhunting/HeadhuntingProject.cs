namespace Gongjiang.Core.Headhunting;

/// <summary>
/// A headhunting project (猎头项目): an HR-service agency searches candidates for a client employer against stated
/// requirements and a target headcount, and reports its funnel and delivery rate to the client.
/// </summary>
public sealed class HeadhuntingProject
{
    public string Id { get; set; } = "";
    /// <summary>The agency's own employer record (an HR-service agency).</summary>
    public string AgencyId { get; set; } = "";
    /// <summary>The employer the project is run for; its HR users read the project and its report.</summary>
    public string ClientEmployerId { get; set; } = "";
    public string Title { get; set; } = "";
    public int TargetHeadcount { get; set; }
    /// <summary>2022 occupation code the project recruits for.</summary>
    public string? OccupationCode { get; set; }
    /// <summary>Minimum national skill grade, 5 (entry) … 1 (top); null for none.</summary>
    public int? MinGrade { get; set; }
    public string CityCode { get; set; } = "";
    public int PayMin { get; set; }
    public int PayMax { get; set; }
    public string? Notes { get; set; }
    /// <summary>The agreed fee terms (e.g. 年薪的20%，到岗后30天内支付), as text.</summary>
    public string? FeeTerms { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Open;
    /// <summary>The client employer's answer: a project does nothing (no search, no candidates) until its client's HR accepts it.</summary>
    public ClientDecision ClientDecision { get; set; } = ClientDecision.Awaiting;
    public DateTime? ClientDecidedAt { get; set; }
    /// <summary>The client's HR user who accepted or declined.</summary>
    public string? ClientDecidedByUserId { get; set; }
    /// <summary>Why the client declined (required then).</summary>
    public string? ClientDeclineReason { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Changes with every edit of the project's terms, so an edit made on a stale copy is refused instead of overwriting another.</summary>
    public Guid Version { get; set; }
    public List<ProjectCandidate> Candidates { get; set; } = [];

    /// <summary>Hired candidates over the target headcount (交付率), 0 without a target.</summary>
    public double DeliveryRate => TargetHeadcount <= 0 ? 0 : (double)Candidates.Count(c => c.Stage == CandidateStage.Hired) / TargetHeadcount;
}

public enum ProjectStatus { Open = 0, Paused, Closed }

/// <summary>Where a project stands with its client employer: 待客户确认, 客户已接受, 客户已拒绝.</summary>
public enum ClientDecision { Awaiting = 0, Accepted, Declined }

public static class ClientDecisions
{
    public static string ChineseName(ClientDecision decision) => decision switch
    {
        ClientDecision.Awaiting => "待客户确认", ClientDecision.Accepted => "客户已接受", _ => "客户已拒绝",
    };
}

/// <summary>The funnel a project's candidate moves through; Dropped ends it from any open stage, with a reason.</summary>
public enum CandidateStage { Sourced = 0, Screened, Recommended, Interviewed, Hired, Dropped }

/// <summary>A candidate in a project: a seeker from the zone's shared pool, at one stage of the funnel, with the history of moves.</summary>
public sealed class ProjectCandidate
{
    public string Id { get; set; } = "";
    public string ProjectId { get; set; } = "";
    public string TalentId { get; set; } = "";
    public CandidateStage Stage { get; set; }
    public string? DropReason { get; set; }
    public DateTime AddedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<CandidateStageChange> History { get; set; } = [];

    /// <summary>Moves to <paramref name="to"/> when the funnel allows it; the refusal reason otherwise (nothing changes then).</summary>
    public string? TryMove(CandidateStage to, string userId, DateTime at, string? reason)
    {
        if (CandidateStages.Refusal(Stage, to, reason) is { } refusal) return refusal;
        History.Add(new CandidateStageChange { CandidateId = Id, From = Stage, To = to, ByUserId = userId, At = at, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() });
        if (to == CandidateStage.Dropped) DropReason = reason!.Trim();
        Stage = to;
        UpdatedAt = at;
        return null;
    }
}

/// <summary>One move of a project candidate: who, when, from where to where and why.</summary>
public sealed class CandidateStageChange
{
    public long Id { get; set; }
    public string CandidateId { get; set; } = "";
    /// <summary>Null for the first entry, when the candidate was sourced.</summary>
    public CandidateStage? From { get; set; }
    public CandidateStage To { get; set; }
    public string ByUserId { get; set; } = "";
    public DateTime At { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The funnel's rules: one step forward at a time, or dropped (with a reason) from any open stage.</summary>
public static class CandidateStages
{
    public static readonly IReadOnlyList<CandidateStage> Funnel =
        [CandidateStage.Sourced, CandidateStage.Screened, CandidateStage.Recommended, CandidateStage.Interviewed, CandidateStage.Hired];

    public static readonly IReadOnlyList<CandidateStage> All = Enum.GetValues<CandidateStage>();

    public static bool IsClosed(CandidateStage stage) => stage is CandidateStage.Hired or CandidateStage.Dropped;

    public static CandidateStage? Next(CandidateStage stage) => IsClosed(stage) ? null : stage + 1;

    public static string? Refusal(CandidateStage from, CandidateStage to, string? reason)
    {
        if (IsClosed(from)) return $"候选人已处于「{ChineseName(from)}」，不能再变更。";
        if (to == CandidateStage.Dropped) return string.IsNullOrWhiteSpace(reason) ? "淘汰候选人须填写原因。" : null;
        if (to != Next(from)) return $"不能从「{ChineseName(from)}」变更为「{ChineseName(to)}」。";
        return null;
    }

    public static string ChineseName(CandidateStage stage) => stage switch
    {
        CandidateStage.Sourced => "已寻访",
        CandidateStage.Screened => "已筛选",
        CandidateStage.Recommended => "已推荐",
        CandidateStage.Interviewed => "已面试",
        CandidateStage.Hired => "已到岗",
        CandidateStage.Dropped => "已淘汰",
        _ => stage.ToString(),
    };

    public static string ToFileName(CandidateStage stage) => stage.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out CandidateStage stage)
    {
        stage = default;
        return value is { Length: > 0 } && !char.IsAsciiDigit(value[0]) && Enum.TryParse(value, ignoreCase: true, out stage) && Enum.IsDefined(stage);
    }
}

public static class ProjectStatuses
{
    public static string ChineseName(ProjectStatus status) => status switch
    {
        ProjectStatus.Open => "进行中", ProjectStatus.Paused => "已暂停", _ => "已结束",
    };

    public static string ToFileName(ProjectStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out ProjectStatus status)
    {
        status = default;
        return value is { Length: > 0 } && !char.IsAsciiDigit(value[0]) && Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status);
    }
}
