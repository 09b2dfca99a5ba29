using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Jobs;

namespace Gongjiang.Application.Jobs;

/// <summary>Open postings, newest first, by words, city and occupation (a group code finds its occupations), paged (<see cref="Paging"/>).</summary>
public static class SearchJobs
{
    public sealed record Query(string? Text = null, string? CityCode = null, string? OccupationCode = null, int Page = 1, int PageSize = 20,
        string? Benefits = null, string? BenefitsMatch = null) : IUseCase<Paged<JobPosting>>;

    public sealed class Handler(JobService jobs) : IUseCaseHandler<Query, Paged<JobPosting>>
    {
        public async Task<Result<Paged<JobPosting>>> HandleAsync(Query query, CancellationToken ct)
        {
            var errors = Paging.Check(new ErrorList(), query.Page, query.PageSize);
            var benefits = BenefitFilter.Parse(query.Benefits, query.BenefitsMatch, errors);
            if (!errors.IsEmpty) return errors;
            return await jobs.SearchAsync(new JobQuery(query.Text, query.CityCode, query.OccupationCode, Page: query.Page, PageSize: query.PageSize,
                Benefits: benefits), ct);
        }
    }
}
