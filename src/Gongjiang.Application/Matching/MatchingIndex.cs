using Gongjiang.Application.Persistence;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Matching;

/// <summary>
/// The matching engine over the database's open jobs and active talent, one per process. Built on first use (or at
/// start by <see cref="MatchingIndexWarmup"/>) and kept current by <see cref="MatchingIndexInterceptor"/>, which hands
/// over every saved job and profile, so an edit is matchable as soon as it is committed, without a rebuild.
/// Writes made by other processes (an import from the command line, another web node) arrive through <see cref="CatchUpAsync"/>.
/// </summary>
public sealed class MatchingIndex(IServiceScopeFactory scopes, TaxonomyCatalog catalog, TimeProvider clock, ILogger<MatchingIndex> logger)
{
    private readonly Lock _gate = new();
    private Task<MatchingEngine>? _build;
    private MatchingEngine? _engine;
    // Saves that landed while the index was being built: re-read once it is ready.
    private readonly HashSet<(bool IsJob, string Id)> _missed = [];
    // Talent who share their profile with the zone (人才简历云端共享): the only ones employers are shown.
    private readonly HashSet<string> _shared = new(StringComparer.Ordinal);
    private DateTime _watermark;

    /// <summary>Whether saves need to be handed over at all (nothing is indexed until someone asks for matches).</summary>
    internal bool IsTracking { get { lock (_gate) return _build is not null; } }

    public bool IsReady { get { lock (_gate) return _engine is not null; } }

    /// <summary>The engine, building it from the database on first use.</summary>
    public Task<MatchingEngine> GetAsync(CancellationToken ct = default)
    {
        Task<MatchingEngine> build;
        lock (_gate)
        {
            // A failed build (say, the database was briefly unreachable) is tried again by the next caller.
            if (_build is null || (_build.IsFaulted && _engine is null)) _build = Task.Run(BuildAsync, CancellationToken.None);
            build = _build;
        }
        return build.WaitAsync(ct);
    }

    public bool IsShared(string talentId) { lock (_gate) return _shared.Contains(talentId); }

    private async Task<MatchingEngine> BuildAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var started = clock.GetUtcNow().UtcDateTime;
        MatchingEngine engine;
        var shared = new List<string>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Streamed straight from the readers into the engine, untracked.
            var jobs = db.Jobs.AsNoTracking().Where(j => j.Status == JobStatus.Open).AsEnumerable();
            var talent = db.Talent.AsNoTracking().Where(t => t.IsActive).AsEnumerable()
                .Select(t => { if (t.SharedWithZone) shared.Add(t.Id); return t; });
            engine = MatchingEngine.Build(catalog, jobs, talent, clock);
        }
        HashSet<(bool, string)> missed;
        lock (_gate)
        {
            _shared.UnionWith(shared);
            _engine = engine;
            missed = [.. _missed];
            _missed.Clear();
            // Anything saved from the first read on is caught up again (the clocks of other writers may lag a little).
            _watermark = started.AddMinutes(-1);
        }
        if (missed.Count > 0) await ReloadAsync(engine, missed);
        logger.LogInformation("Matching index built: {Jobs} open jobs, {Talent} active talent in {Seconds:F1} s",
            engine.JobCount, engine.TalentCount, watch.Elapsed.TotalSeconds);
        return engine;
    }

    /// <summary>Hands saved records to the engine (called after their transaction commits).</summary>
    internal void Apply(IReadOnlyList<IndexChange> changes)
    {
        MatchingEngine? engine;
        lock (_gate)
        {
            engine = _engine;
            if (engine is null)
            {
                if (_build is not null) foreach (var c in changes) _missed.Add((c.IsJob, c.Id));
                return;
            }
            foreach (var c in changes)
                if (c.Talent is { } t && !c.Removed && t.IsActive && t.SharedWithZone) _shared.Add(c.Id);
                else if (!c.IsJob) _shared.Remove(c.Id);
        }
        foreach (var c in changes)
        {
            if (c.Removed) { if (c.IsJob) engine.RemoveJob(c.Id); else engine.RemoveTalent(c.Id); }
            else if (c.Job is { } job) engine.Upsert(job);
            else if (c.Talent is { } talent) engine.Upsert(talent);
        }
    }

    /// <summary>Reads records saved by other processes since the last look and indexes them.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        MatchingEngine? engine;
        DateTime since;
        lock (_gate) (engine, since) = (_engine, _watermark);
        if (engine is null) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var changes = new List<IndexChange>();
        await foreach (var j in db.Jobs.AsNoTracking().Where(j => j.UpdatedAt >= since).AsAsyncEnumerable().WithCancellation(ct))
            changes.Add(new IndexChange(true, j.Id, j, null, false));
        await foreach (var t in db.Talent.AsNoTracking().Where(t => t.UpdatedAt >= since).AsAsyncEnumerable().WithCancellation(ct))
            changes.Add(new IndexChange(false, t.Id, null, t, false));
        Apply(changes);
        lock (_gate) if (_watermark == since) _watermark = now.AddMinutes(-1);
        return changes.Count;
    }

    private async Task ReloadAsync(MatchingEngine engine, IReadOnlyCollection<(bool IsJob, string Id)> keys)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var changes = new List<IndexChange>();
        foreach (var chunk in keys.Where(k => k.IsJob).Select(k => k.Id).Chunk(500))
        {
            var found = await db.Jobs.AsNoTracking().Where(j => chunk.Contains(j.Id)).ToDictionaryAsync(j => j.Id);
            changes.AddRange(chunk.Select(id => new IndexChange(true, id, found.GetValueOrDefault(id), null, !found.ContainsKey(id))));
        }
        foreach (var chunk in keys.Where(k => !k.IsJob).Select(k => k.Id).Chunk(500))
        {
            var found = await db.Talent.AsNoTracking().Where(t => chunk.Contains(t.Id)).ToDictionaryAsync(t => t.Id);
            changes.AddRange(chunk.Select(id => new IndexChange(false, id, null, found.GetValueOrDefault(id), !found.ContainsKey(id))));
        }
        Apply(changes);
    }
}

/// <summary>A saved job or profile (or its removal) for the index.</summary>
internal sealed record IndexChange(bool IsJob, string Id, JobPosting? Job, TalentProfile? Talent, bool Removed);

/// <summary>
/// Builds the index when a long-running host starts, so the first recommendation is not kept waiting, then looks for
/// records written by other processes every half minute.
/// </summary>
public sealed class MatchingIndexWarmup(MatchingIndex index, ILogger<MatchingIndexWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.GetAsync(stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try { await index.CatchUpAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning(e, "Matching index catch-up failed"); }
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { logger.LogError(e, "Matching index could not be built"); }
    }
}
