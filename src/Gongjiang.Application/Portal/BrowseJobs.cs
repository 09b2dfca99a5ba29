using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Portal;

/// <summary>
/// Anyone browses open jobs (找工作), newest first: by words, city, occupation (a code, or a name or alias looked up in
/// the classification) and employer, paged, with each employer's name.
/// </summary>
public static class BrowseJobs
{
    public sealed record Query(string? Text, string? City, string? Occupation, string? EmployerId, int Page, int PageSize) : IUseCase<Openings>;

    /// <param name="OccupationNotFound">The occupation typed names none in the classification: nothing is searched.</param>
    /// <param name="EmployerName">The employer filtered by, when it exists (an unknown employer filters nothing).</param>
    public sealed record Openings(Occupation? Occupation, bool OccupationNotFound, string? EmployerName, Paged<JobPosting> Result,
        IReadOnlyDictionary<string, string> EmployerNames);

    public sealed class Handler(JobService jobs, AppDbContext db, TaxonomyCatalog catalog) : IUseCaseHandler<Query, Openings>
    {
        public async Task<Result<Openings>> HandleAsync(Query query, CancellationToken ct)
        {
            Occupation? occupation = null;
            if (!string.IsNullOrWhiteSpace(query.Occupation))
            {
                var text = query.Occupation.Trim();
                occupation = catalog.FindOccupation(text) ?? (OccupationSearch.Find(catalog, text, 1) is [var first, ..] ? first : null);
            }
            var employerName = string.IsNullOrWhiteSpace(query.EmployerId) ? null
                : await db.Employers.Where(e => e.Id == query.EmployerId).Select(e => e.Name).FirstOrDefaultAsync(ct);
            var empty = new Paged<JobPosting>([], 1, query.PageSize, 0);
            if (!string.IsNullOrWhiteSpace(query.Occupation) && occupation is null)
                return new Openings(null, true, employerName, empty, new Dictionary<string, string>());
            var result = await jobs.SearchAsync(new JobQuery(query.Text, query.City, occupation?.Code, employerName is null ? null : query.EmployerId,
                Page: query.Page, PageSize: query.PageSize), ct);
            return new Openings(occupation, false, employerName, result, await EmployerNames.OfAsync(db, result.Items, ct));
        }
    }
}

/// <summary>The names of the employers of some postings.</summary>
internal static class EmployerNames
{
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(AppDbContext db, IEnumerable<JobPosting> jobs, CancellationToken ct)
    {
        var ids = jobs.Select(j => j.EmployerId).Distinct().ToList();
        return await db.Employers.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }
}
