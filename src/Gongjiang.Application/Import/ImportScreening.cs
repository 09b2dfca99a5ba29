using Gongjiang.Core.Compliance;
using Gongjiang.Core.Jobs;

namespace Gongjiang.Application.Import;

/// <summary>
/// Posting screening on file import: an open posting with a blocking flag is stored as draft. Only content rules force the
/// draft (discrimination, fees/deposits, bait pay, off-platform contact); a missing field (招聘条件, 招聘人数 …) does not,
/// because jobs.jsonl does not carry every field the publishing form asks for — such postings are screened in full when
/// they are next published or edited.
/// </summary>
public static class ImportScreening
{
    /// <summary>Why the posting is stored as draft, or null when it may stay open.</summary>
    public static string? DraftReason(PostingScreener screener, JobPosting job)
    {
        var blocking = screener.Screen(job).Flags
            .Where(f => f.Severity == FlagSeverity.Block && f.Rule != ScreeningRules.MissingField).ToList();
        if (blocking.Count == 0) return null;
        return "stored as draft, not published: " + string.Join("; ", blocking.Select(f => $"{f.Rule} ({ScreeningRules.ChineseName(f.Rule)}) 「{f.Excerpt}」"));
    }
}
