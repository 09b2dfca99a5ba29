using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// The shortage catalogue (急需紧缺人才目录) of a quarter (the current one, China time, when none is given): public, as the
/// ministry's 最缺工 list is. <c>Method</c> overrides
/// the stored method; <c>Weights</c> (ratio, gap, days to fill, pay change) override its weights (the command line's <c>--weights</c>).
/// </summary>
public static class BuildCatalogue
{
    public sealed record Query(string? Period, string? Region = null, string? Level = null, string? Cluster = null,
        CatalogueMethod? Method = null, IReadOnlyList<double>? Weights = null) : IUseCase<ShortageCatalogue>;

    public sealed class Handler(CatalogueBuilder builder, TimeProvider clock) : IUseCaseHandler<Query, ShortageCatalogue>
    {
        public async Task<Result<ShortageCatalogue>> HandleAsync(Query query, CancellationToken ct)
        {
            var errors = new ErrorList();
            var quarter = Quarter.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8))); // without a period: the current one
            if (!string.IsNullOrWhiteSpace(query.Period) && !Quarter.TryParse(query.Period, out quarter)) errors.Add("period", CatalogueErrors.BadPeriod, query.Period);
            if (!ShortageCatalogue.TryParseRegion(query.Region, out var region)) errors.Add("region", CatalogueErrors.BadRegion, query.Region ?? "");
            if (!ShortageCatalogue.TryParseLevel(query.Level, out var level)) errors.Add("level", CatalogueErrors.BadLevel, query.Level ?? "");
            var method = query.Method ?? await builder.MethodAsync(ct);
            if (query.Weights is { } w)
                method = w.Count == 4
                    ? method with { WeightRatio = w[0], WeightGap = w[1], WeightDaysToFill = w[2], WeightSalaryChange = w[3] }
                    : method with { WeightRatio = -1 };
            if (method.Problem() is { } problem) errors.Add("method", problem);
            if (!errors.IsEmpty) return errors;
            var cluster = string.IsNullOrWhiteSpace(query.Cluster) ? null : query.Cluster.Trim();
            return await builder.BuildAsync(quarter, region, level, cluster, method, ct);
        }
    }
}
