using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Employers;

/// <summary>
/// The operators' verification screen (企业审核): employers in one verification state (pending first) by name, or the
/// re-verification queue (<c>due</c>), with the number in each state and each employer's postings.
/// </summary>
public static class ReviewEmployers
{
    public const string Due = "due";

    /// <param name="Status">A verification status, <c>due</c> for the re-verification queue, or null (pending).</param>
    public sealed record Query(string? Status, string? Text, int Page, int PageSize = 20) : IUseCase<Screen>;

    public sealed record Screen(VerificationStatus Current, bool ShowingDue, Paged<Employer> Result, IReadOnlyDictionary<VerificationStatus, int> Counts,
        int DueCount, IReadOnlyDictionary<string, int> JobCounts);

    public sealed class Handler(AppDbContext db, ComplianceRules rules, EmployerService employers, VerificationService verification)
        : IUseCaseHandler<Query, Screen>
    {
        public async Task<Result<Screen>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Screen>();
            var current = Enum.TryParse<VerificationStatus>(query.Status, true, out var s) && Enum.IsDefined(s) ? s : VerificationStatus.Pending;
            var showingDue = string.Equals(query.Status, Due, StringComparison.OrdinalIgnoreCase);
            var counts = await db.Employers.GroupBy(e => e.Verification).Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
            var due = await verification.DueAsync(ct);
            var result = showingDue
                ? new Paged<Employer>(due, 1, Math.Max(1, due.Count), due.Count)
                : await employers.ListAsync(current, query.Text, query.Page, query.PageSize, ct);
            var ids = result.Items.Select(e => e.Id).ToList();
            var jobCounts = await db.Jobs.Where(j => ids.Contains(j.EmployerId)).GroupBy(j => j.EmployerId)
                .Select(g => new { g.Key, C = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.C, ct);
            return new Screen(current, showingDue, result, counts, due.Count, jobCounts);
        }
    }
}
