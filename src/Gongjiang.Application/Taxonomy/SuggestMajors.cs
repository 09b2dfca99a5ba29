using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Taxonomy;

/// <summary>Majors for a picker as the user types: by code prefix (digits) or by name, at most 15.</summary>
public static class SuggestMajors
{
    public sealed record Query(string? Text) : IUseCase<IReadOnlyList<Major>>;

    public sealed class Handler(TaxonomyCatalog catalog) : IUseCaseHandler<Query, IReadOnlyList<Major>>
    {
        public Task<Result<IReadOnlyList<Major>>> HandleAsync(Query query, CancellationToken ct)
        {
            var q = query.Text?.Trim() ?? "";
            IEnumerable<Major> found = q.Length == 0 ? [] :
                char.IsAsciiDigit(q[0])
                    ? catalog.MajorsByCode.Values.Where(m => m.Code.StartsWith(q, StringComparison.Ordinal)).OrderBy(m => m.Code, StringComparer.Ordinal)
                    : catalog.MajorsByCode.Values.Where(m => m.Name.Contains(q, StringComparison.Ordinal)).OrderBy(m => m.Name.Length).ThenBy(m => m.Code, StringComparer.Ordinal);
            return Task.FromResult(Result<IReadOnlyList<Major>>.Success(found.Take(15).ToList()));
        }
    }
}
