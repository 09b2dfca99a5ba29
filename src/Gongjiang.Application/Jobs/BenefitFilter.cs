using Gongjiang.Application.Common.Results;
using Gongjiang.Core.Jobs;

namespace Gongjiang.Application.Jobs;

/// <summary>
/// The benefit-tag filter of a job search (<c>benefits=五险一金,包吃住</c>, <c>benefits_match=any|all</c>): postings with
/// any (the default) or all of the tags. Unknown tags are an error on <c>benefits</c>.
/// </summary>
public sealed record BenefitFilter(IReadOnlyList<string> Tags, bool MatchAll)
{
    private static readonly char[] Separators = [',', '，', ' ', '、'];

    /// <summary>The filter as typed, or null when no tag is asked for.</summary>
    public static BenefitFilter? Parse(string? benefits, string? match, ErrorList errors)
    {
        var tags = (benefits ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (tags.Any(t => !BenefitTags.IsKnown(t))) errors.Add("benefits", JobErrors.UnknownBenefit);
        var mode = (match ?? "").Trim().ToLowerInvariant();
        if (mode is not ("" or "any" or "all")) errors.Add("benefits_match", JobErrors.BenefitMatch);
        return tags.Count == 0 ? null : new BenefitFilter(tags, mode == "all");
    }

    public IQueryable<JobPosting> Apply(IQueryable<JobPosting> jobs)
    {
        if (!MatchAll)
        {
            var tags = Tags.ToList();
            return jobs.Where(j => j.Benefits.Any(b => tags.Contains(b)));
        }
        foreach (var tag in Tags) jobs = jobs.Where(j => j.Benefits.Contains(tag));
        return jobs;
    }
}
