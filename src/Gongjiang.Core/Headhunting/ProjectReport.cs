namespace Gongjiang.Core.Headhunting;

public enum ReportPeriod { Weekly = 0, Monthly }

/// <summary>What happened in one period: candidates newly reaching each funnel stage, the running totals and the delivery rate at its end.</summary>
public sealed record ProjectPeriodRow(DateOnly From, DateOnly To, IReadOnlyDictionary<CandidateStage, int> New,
    IReadOnlyDictionary<CandidateStage, int> Cumulative, double DeliveryRate);

/// <summary>
/// A project's periodic report (项目周报/月报): per week or month, how many candidates were newly sourced, screened,
/// recommended, interviewed and hired, the cumulative counts and the delivery rate (hired / target headcount).
/// Days are China Standard Time days; weeks start on Monday.
/// </summary>
public sealed record ProjectReport(ReportPeriod Period, int TargetHeadcount, IReadOnlyList<ProjectPeriodRow> Rows,
    IReadOnlyDictionary<CandidateStage, int> Totals, double DeliveryRate)
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    public const int MaxRows = 104;

    public static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + ChinaOffset);

    public static DateOnly PeriodStart(DateOnly day, ReportPeriod period) => period == ReportPeriod.Monthly
        ? new DateOnly(day.Year, day.Month, 1)
        : day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly PeriodEnd(DateOnly start, ReportPeriod period) => period == ReportPeriod.Monthly ? start.AddMonths(1) : start.AddDays(7);

    /// <summary>
    /// The report from the project's first period to the one containing <paramref name="today"/> (at most <see cref="MaxRows"/>, the latest kept).
    /// A candidate counts for a stage on the day they reached it, from the history.
    /// </summary>
    public static ProjectReport Build(HeadhuntingProject project, ReportPeriod period, DateOnly today)
    {
        var reached = project.Candidates.SelectMany(c => c.History)
            .Where(h => h.To != CandidateStage.Dropped)
            .Select(h => (h.To, Day: LocalDay(h.At)))
            .ToList();
        var first = reached.Count == 0 ? project.StartsOn : new[] { project.StartsOn, reached.Min(r => r.Day) }.Min();
        var last = today < first ? first : today;
        var starts = new List<DateOnly>();
        for (var s = PeriodStart(first, period); s <= last; s = PeriodEnd(s, period)) starts.Add(s);
        if (starts.Count > MaxRows) starts = starts[^MaxRows..];
        var rows = starts.Select(s =>
        {
            var end = PeriodEnd(s, period);
            var fresh = CandidateStages.Funnel.ToDictionary(stage => stage, stage => reached.Count(r => r.To == stage && r.Day >= s && r.Day < end));
            var cumulative = CandidateStages.Funnel.ToDictionary(stage => stage, stage => reached.Count(r => r.To == stage && r.Day < end));
            return new ProjectPeriodRow(s, end.AddDays(-1), fresh, cumulative, Rate(cumulative[CandidateStage.Hired], project.TargetHeadcount));
        }).ToList();
        var totals = CandidateStages.Funnel.ToDictionary(stage => stage, stage => reached.Count(r => r.To == stage));
        return new ProjectReport(period, project.TargetHeadcount, rows, totals, Rate(totals[CandidateStage.Hired], project.TargetHeadcount));
    }

    public static double Rate(int hired, int target) => target <= 0 ? 0 : (double)hired / target;
}
