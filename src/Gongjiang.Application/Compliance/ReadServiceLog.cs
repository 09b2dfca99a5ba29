using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Compliance;

/// <summary>An operator reads the service log (服务日志): the rows of one record (kind and id), or the latest ones.</summary>
public static class ReadServiceLog
{
    public const int MaxCount = 500;

    public sealed record Query(string? TargetKind, string? TargetId, int? Count = null) : IUseCase<IReadOnlyList<ServiceLogEntry>>;

    public sealed class Handler(ComplianceRules rules, ServiceLog log) : IUseCaseHandler<Query, IReadOnlyList<ServiceLogEntry>>
    {
        public async Task<Result<IReadOnlyList<ServiceLogEntry>>> HandleAsync(Query query, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<IReadOnlyList<ServiceLogEntry>>();
            if (query.Count is < 1 or > MaxCount) return Error.Invalid("count", InputErrors.Between, 1, MaxCount);
            var rows = !string.IsNullOrWhiteSpace(query.TargetKind) && !string.IsNullOrWhiteSpace(query.TargetId)
                ? await log.ForTargetAsync(query.TargetKind.Trim(), query.TargetId.Trim(), ct)
                : await log.RecentAsync(query.Count ?? 100, ct);
            return Result<IReadOnlyList<ServiceLogEntry>>.Success(rows);
        }
    }
}
