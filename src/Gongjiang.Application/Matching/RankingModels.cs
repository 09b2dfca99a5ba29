using Gongjiang.Application.Persistence;
using Gongjiang.Matching.Ranking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Matching;

/// <summary>
/// One training run of the learned ranker: what it learned from, how it did on later outcomes, and the model itself.
/// Kept in the database so every web node and the command line rank alike; the latest run decides (its model ranks
/// only when it was adopted).
/// </summary>
public sealed class RankingModelRecord
{
    public long Id { get; set; }
    public DateTime TrainedAt { get; set; }
    public string Kind { get; set; } = TreeEnsembleModel.Kind;
    public bool Adopted { get; set; }
    public double NdcgLearned { get; set; }
    public double NdcgHand { get; set; }
    /// <summary>The 95 % bootstrap interval (over validation groups) of the learned model's NDCG@10 gain over the hand weights.</summary>
    public double GainLow { get; set; }
    public double GainHigh { get; set; }
    public int Groups { get; set; }
    public int Pairs { get; set; }
    public int TrainGroups { get; set; }
    public int ValidationGroups { get; set; }
    /// <summary>The training report as printed by <c>ranker train</c>.</summary>
    public string Report { get; set; } = "";
    /// <summary>The trees as JSON (<see cref="TreeEnsembleModel.ToJson"/>); empty when nothing was trained.</summary>
    public string Model { get; set; } = "";
}

internal sealed class RankingModelRecordConfiguration : IEntityTypeConfiguration<RankingModelRecord>
{
    public void Configure(EntityTypeBuilder<RankingModelRecord> b)
    {
        b.ToTable("RankingModels");
        b.HasKey(m => m.Id);
        b.Property(m => m.Kind).HasMaxLength(40);
        b.HasIndex(m => m.TrainedAt);
    }
}

/// <summary>The ranker in force, read from the database and cached for a short while (a new training run takes over within a minute).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A singleton: its gate lives as long as the process.")]
public sealed class RankingModels(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RankingModels> logger)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Id, TreeEnsembleModel? Model, DateTimeOffset CheckedAt)? _current;

    /// <summary>The adopted model of the latest training run, or null for the hand weights.</summary>
    public async Task<TreeEnsembleModel?> ActiveAsync(CancellationToken ct = default)
    {
        if (_current is { } c && clock.GetUtcNow() - c.CheckedAt < Freshness) return c.Model;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && clock.GetUtcNow() - again.CheckedAt < Freshness) return again.Model;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var latest = await db.Set<RankingModelRecord>().AsNoTracking().OrderByDescending(m => m.Id)
                .Select(m => new { m.Id, m.Adopted }).FirstOrDefaultAsync(ct);
            TreeEnsembleModel? model = null;
            if (latest is { Adopted: true })
            {
                if (_current is { } previous && previous.Id == latest.Id) model = previous.Model;
                else
                {
                    var json = await db.Set<RankingModelRecord>().Where(m => m.Id == latest.Id).Select(m => m.Model).FirstAsync(ct);
                    try { model = TreeEnsembleModel.FromJson(json); }
                    catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
                    { logger.LogWarning(e, "Ranking model {Id} cannot be read; ranking with the hand weights", latest.Id); }
                }
            }
            _current = (latest?.Id ?? 0, model, clock.GetUtcNow());
            return model;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Forgets the cached choice (after a training run in this process).</summary>
    public void Invalidate() => _current = null;
}
