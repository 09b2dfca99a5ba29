using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Recruiting;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Reports;

/// <summary>
/// 趋势: for the zone's operators, postings published, applications and hires per week (Monday to Sunday, China time) over a
/// date range, by default the last 12 weeks up to today. Applications and hires are the recruiting events (<see cref="Outcome"/>)
/// that the dashboard's funnel counts.
/// </summary>
public static class GetZoneTrends
{
    public const int DefaultWeeks = 12;
    public const int MaxDays = 731;

    /// <param name="From">yyyy-MM-dd, China time; empty for 12 weeks before <paramref name="To"/>.</param>
    /// <param name="To">yyyy-MM-dd, China time; empty for today.</param>
    public sealed record Query(string? From = null, string? To = null) : IUseCase<Trends>;

    public sealed record Trends(DateOnly From, DateOnly To, IReadOnlyList<Week> Weeks)
    {
        public int Postings => Weeks.Sum(w => w.Postings);
        public int Applications => Weeks.Sum(w => w.Applications);
        public int Hires => Weeks.Sum(w => w.Hires);
    }

    /// <param name="Start">The Monday the week starts (the range's first day for a first partial week).</param>
    public sealed record Week(DateOnly Start, int Postings, int Applications, int Hires);

    public sealed class Handler(AppDbContext db, ComplianceRules rules) : IUseCaseHandler<Query, Trends>
    {
        public async Task<Result<Trends>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Trends>();
            var errors = new ErrorList();
            var today = ChinaTime.Day(rules.Now);
            var to = Day(query.To, "to", errors) ?? today;
            var from = Day(query.From, "from", errors) ?? Monday(to).AddDays(-7 * (DefaultWeeks - 1));
            if (errors.IsEmpty && from > to) errors.Add("from", ReportErrors.FromAfterTo);
            else if (errors.IsEmpty && to.DayNumber - from.DayNumber >= MaxDays) errors.Add("to", ReportErrors.RangeTooLong, MaxDays);
            if (!errors.IsEmpty) return errors;

            var start = ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            var end = ChinaTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var posted = await db.Jobs.AsNoTracking().Where(j => j.Status != JobStatus.Draft && j.PostedAt >= from && j.PostedAt <= to)
                .GroupBy(j => j.PostedAt).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
            var events = await db.Outcomes.AsNoTracking()
                .Where(o => (o.Stage == OutcomeStage.Applied || o.Stage == OutcomeStage.Hired) && o.At >= start && o.At < end)
                .Select(o => new { o.Stage, o.At }).ToListAsync(ct);

            var weeks = new List<Week>();
            for (var monday = Monday(from); monday <= to; monday = monday.AddDays(7))
            {
                var first = monday < from ? from : monday;
                var last = monday.AddDays(6) > to ? to : monday.AddDays(6);
                bool In(DateOnly day) => day >= first && day <= last;
                weeks.Add(new Week(first, posted.Where(p => In(p.Day)).Sum(p => p.Count),
                    events.Count(e => e.Stage == OutcomeStage.Applied && In(ChinaTime.Day(e.At))),
                    events.Count(e => e.Stage == OutcomeStage.Hired && In(ChinaTime.Day(e.At)))));
            }
            return new Trends(from, to, weeks);
        }

        private static DateOnly? Day(string? raw, string field, ErrorList errors)
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            errors.Add(field, ReportErrors.NotDate);
            return null;
        }
    }

    /// <summary>The Monday of the week a day is in.</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
