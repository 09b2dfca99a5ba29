using System.Linq.Expressions;
using Gongjiang.Application.Common.Results;
using Gongjiang.Core.Jobs;

namespace Gongjiang.Application.Jobs;

/// <summary>
/// The benefit filter of a job search (<c>benefits=五险一金,包吃住</c>, <c>benefits_match=all|any</c>): postings that offer
/// all (the default: each ticked benefit narrows the list) or any of the tags. A posting offers a tag when it carries it,
/// or when its title or description says the tag or one of its words (<see cref="BenefitTags.Words"/>): a posting whose
/// HR wrote 包吃住 without ticking it still offers it. Unknown tags are an error on <c>benefits</c>; the search box's
/// benefit words (<see cref="Offers"/>) read the same way.
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
        return tags.Count == 0 ? null : new BenefitFilter(tags, mode != "any");
    }

    public IQueryable<JobPosting> Apply(IQueryable<JobPosting> jobs)
    {
        if (MatchAll)
        {
            foreach (var tag in Tags) jobs = jobs.Where(Offers(tag));
            return jobs;
        }
        var any = Tags.Select(Offers).Aggregate((a, b) => Expression.Lambda<Func<JobPosting, bool>>(
            Expression.OrElse(a.Body, Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body)),
            a.Parameters));
        return jobs.Where(any);
    }

    /// <summary>The posting carries the tag, or its title or description says one of the tag's words.</summary>
    public static Expression<Func<JobPosting, bool>> Offers(string tag)
    {
        Expression<Func<JobPosting, bool>> tagged = j => j.Benefits.Contains(tag);
        var job = tagged.Parameters[0];
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression any = tagged.Body;
        foreach (var word in BenefitTags.Words(tag))
        {
            var value = Expression.Constant(word);
            var says = Expression.OrElse(
                Expression.Call(Expression.Property(job, nameof(JobPosting.Title)), contains, value),
                Expression.Call(Expression.Property(job, nameof(JobPosting.Description)), contains, value));
            any = Expression.OrElse(any, says);
        }
        return Expression.Lambda<Func<JobPosting, bool>>(any, job);
    }
}
