using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Taxonomy;

/// <summary>
/// Anyone reads one occupation of the classification: where it sits (大类 → 中类 → 小类 → 职业), the occupations under it, the
/// items of its national skill standard by grade (五级 first; items without a skill grade last) and the majors that lead to it.
/// </summary>
public static class GetOccupation
{
    public sealed record Query(string Code) : IUseCase<Detail>;

    public sealed record Detail(Occupation Occupation, IReadOnlyList<Occupation> Path, IReadOnlyList<Occupation> Children,
        IReadOnlyList<SkillStandardItem> SkillItems, IReadOnlyList<GradeItems> SkillsByGrade, string? Edition, IReadOnlyList<MajorOccupationLink> Majors);

    public sealed record GradeItems(string GradeCode, int? Grade, IReadOnlyList<SkillStandardItem> Items);

    public sealed class Handler(TaxonomyCatalog catalog) : IUseCaseHandler<Query, Detail>
    {
        public Task<Result<Detail>> HandleAsync(Query query, CancellationToken ct) =>
            Task.FromResult(catalog.FindOccupation(query.Code?.Trim()) is { } o
                ? Result<Detail>.Success(Describe(catalog, o))
                : Error.NotFound(TaxonomyErrors.OccupationNotFound, query.Code));

        public static Detail Describe(TaxonomyCatalog catalog, Occupation selected)
        {
            var path = new List<Occupation>();
            for (var o = selected; o is not null; o = catalog.FindOccupation(o.ParentCode)) path.Add(o);
            path.Reverse();
            var children = catalog.Occupations.Where(o => o.ParentCode == selected.Code).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
            IReadOnlyList<SkillStandardItem> items = catalog.SkillItemsByOccupation.TryGetValue(selected.Code, out var found) ? found.ToList() : [];
            var edition = items.Select(i => i.Edition).FirstOrDefault(e => e.Length > 0);
            var byGrade = items.GroupBy(i => i.GradeCode)
                .OrderBy(g => g.First().Grade is null ? 1 : 0).ThenByDescending(g => g.First().Grade).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new GradeItems(g.Key, g.First().Grade, g.ToList()))
                .ToList();
            var majors = catalog.MajorLinksByOccupation.TryGetValue(selected.Code, out var links)
                ? links.DistinctBy(l => (l.MajorCode, l.MajorLevel)).OrderBy(l => LevelOrder(l.MajorLevel)).ThenBy(l => l.MajorCode, StringComparer.Ordinal).ToList()
                : [];
            return new Detail(selected, path, children, items, byGrade, edition, majors);
        }

        private static int LevelOrder(string level) => level switch { "中等职业教育" => 0, "高等职业教育专科" => 1, "高等职业教育本科" => 2, _ => 3 };
    }
}
