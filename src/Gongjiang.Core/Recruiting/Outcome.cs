namespace Gongjiang.Core.Recruiting;

/// <summary>One event on the way from a match to a hire; the ranking learns from these.</summary>
public sealed class Outcome
{
    public long Id { get; set; }
    public string JobId { get; set; } = "";
    public string TalentId { get; set; } = "";
    public OutcomeStage Stage { get; set; }
    public DateTime At { get; set; }
}

public enum OutcomeStage { Recommended = 0, Viewed, Applied, Invited, Interviewed, Offered, Hired, Rejected, Withdrawn }

public static class OutcomeStages
{
    public static bool TryParse(string? value, out OutcomeStage stage)
    {
        stage = default;
        return value is { Length: > 0 } && char.IsAsciiLetterLower(value[0])
            && Enum.TryParse(value, ignoreCase: true, out stage) && Enum.IsDefined(stage);
    }

    public static string ToFileName(OutcomeStage stage) => stage.ToString().ToLowerInvariant();
}
