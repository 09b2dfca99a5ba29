using System.Runtime.CompilerServices;

namespace Gongjiang.Matching.Engine;

/// <summary>
/// When the write path compacts one side of the index (jobs or talent) by itself: once the waste — stale and dead
/// posting entries, or pool values no alive record uses — is more than <see cref="WasteShare"/> of the whole and at
/// least <see cref="MinimumWaste"/>.
/// </summary>
public sealed record CompactionPolicy
{
    public static readonly CompactionPolicy Default = new();

    /// <summary>The share of posting entries (or of pool values) that must be waste; a third by default.</summary>
    public double WasteShare { get; init; } = 1.0 / 3;

    /// <summary>The least waste, in posting entries or pool values, worth a compaction: small indexes are left alone.</summary>
    public int MinimumWaste { get; init; } = 50_000;

    /// <summary>
    /// True (the default): the compacted side is built on a thread of its own while queries and writes go on, and
    /// swapped in under the write lock with the edits made meanwhile applied again. False: the write that crosses the
    /// line compacts before it returns.
    /// </summary>
    public bool InBackground { get; init; } = true;
}

/// <summary>The size and waste of one side of the index (jobs or talent).</summary>
/// <param name="Live">Open jobs or active talent.</param>
/// <param name="Slots">Records held, closed, inactive and removed ones included.</param>
/// <param name="PostingLists">Posting lists (one per city × occupation, group, skill or title bigram).</param>
/// <param name="PostingEntries">Entries in all posting lists, stale and dead ones included.</param>
/// <param name="StaleEntries">Entries left on lists their record no longer belongs to after an edit.</param>
/// <param name="DeadEntries">Entries of records that are closed, inactive or removed.</param>
/// <param name="PoolValues">Values in the pools of variable-length data (skills, bigrams, cities…).</param>
/// <param name="DeadPoolValues">Pool values no live record uses: earlier encodings and records no longer live.</param>
/// <param name="Bytes">Memory held by the records, pools and posting lists (array capacities, not the dictionaries).</param>
/// <param name="Compactions">Compactions of this side so far, automatic or asked for.</param>
public sealed record EngineSideStatistics(
    int Live, int Slots, int PostingLists, long PostingEntries, long StaleEntries, long DeadEntries,
    long PoolValues, long DeadPoolValues, long Bytes, int Compactions)
{
    public int DeadSlots => Slots - Live;
    public long WastedEntries => StaleEntries + DeadEntries;
}

/// <summary>A snapshot of the engine's size and waste, taken under the read lock.</summary>
public sealed record EngineStatistics(EngineSideStatistics Jobs, EngineSideStatistics Talent);

/// <summary>
/// Running counts of one side's waste, kept by writers under the write lock (a few additions per edit).
/// Every record's current keys have exactly one entry each on their lists; any other entry is stale.
/// </summary>
internal struct WasteBook
{
    public long Entries;        // posting entries, stale and dead ones included
    public long CurrentEntries; // entries of the records' current keys, live or not
    public long LiveEntries;    // entries of live records
    public long LiveInts;       // pool values live records use
    public long LiveFloats;
    public int Compactions;

    public readonly long StaleEntries => Entries - CurrentEntries;
    public readonly long DeadEntries => CurrentEntries - LiveEntries;
    public readonly long WastedEntries => Entries - LiveEntries;

    /// <summary>A record was written: <paramref name="keys"/> distinct keys, <paramref name="added"/> new entries.</summary>
    public void Add(bool alive, int keys, int added, int ints, int floats)
    {
        Entries += added;
        CurrentEntries += keys;
        if (!alive) return;
        LiveEntries += keys;
        LiveInts += ints;
        LiveFloats += floats;
    }

    /// <summary>A record is about to be overwritten in its slot.</summary>
    public void Replace(bool wasAlive, int keys, int ints, int floats)
    {
        CurrentEntries -= keys;
        if (wasAlive) Retire(keys, ints, floats);
    }

    /// <summary>A live record was removed (its slot stays until the next compaction).</summary>
    public void Retire(int keys, int ints, int floats)
    {
        LiveEntries -= keys;
        LiveInts -= ints;
        LiveFloats -= floats;
    }
}

public sealed partial class MatchingEngine
{
    /// <summary>When writes compact the index by themselves; null leaves it to <see cref="Compact"/>.</summary>
    public CompactionPolicy? AutoCompaction { get; set; } = CompactionPolicy.Default;

    // A background compaction of one side under way: the ids written since its snapshot, in order.
    private sealed class PendingCompaction(int generation)
    {
        public readonly int Generation = generation;
        public readonly List<string> Edits = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        public Task Task = Task.CompletedTask;

        public void Edited(string id)
        {
            if (_seen.Add(id)) Edits.Add(id);
        }
    }

    private PendingCompaction? _jobCompaction, _talentCompaction;
    private int _jobGeneration, _talentGeneration; // bumped by every swap; a background result of an older one is dropped

    /// <summary>Lets a test hold a background compaction between its build and its swap.</summary>
    internal Func<Task>? BeforeCompactionSwap { get; set; }

    // Called under the write lock, with the snapshot already taken: builds on the thread pool, then swaps the result in
    // under the write lock, unless a compaction of the same side was swapped in meanwhile.
    private void InBackground<T>(int generation, Func<T> build, Func<int> currentGeneration, Action<T, List<string>> swap, Action<PendingCompaction?> setPending)
    {
        var pending = new PendingCompaction(generation);
        setPending(pending);
        pending.Task = Task.Run(async () =>
        {
            try
            {
                var built = build();
                if (BeforeCompactionSwap is { } hold) await hold().ConfigureAwait(false);
                _lock.EnterWriteLock();
                try
                {
                    if (pending.Generation == currentGeneration()) swap(built, pending.Edits);
                }
                finally
                {
                    setPending(null);
                    _lock.ExitWriteLock();
                }
            }
            catch
            {
                // The next write that finds the side wasteful starts again; the error goes to whoever awaits WhenCompacted.
                _lock.EnterWriteLock();
                try { setPending(null); }
                finally { _lock.ExitWriteLock(); }
                throw;
            }
        });
    }

    /// <summary>
    /// Drops the waste edits leave behind: posting lists are rebuilt with one entry per live record and key, the
    /// pools are rewritten with the data of live records only, and closed, inactive or removed records give up their
    /// slots (a later upsert of one of them takes a new slot). Live records keep their relative order, so equal
    /// scores rank as before and queries give the same results before and after.
    /// <para>
    /// Takes the write lock: queries wait for it, and none sees a half-compacted index. Costs one pass over the live
    /// records of both sides. Writes start it for one side on their own (see <see cref="AutoCompaction"/>) once the
    /// waste reaches a third of that side: since each edit leaves at most one record's keys and data behind, at least
    /// (live entries / 2) / (keys per record) edits pass between two compactions. By default that compaction runs in
    /// the background (<see cref="CompactionPolicy.InBackground"/>), so no write or query waits for the pass: the
    /// write that crosses the line only copies the side's record array, and the swap at the end replays the edits made
    /// during the pass.
    /// </para>
    /// </summary>
    public void Compact()
    {
        _lock.EnterWriteLock();
        try
        {
            CompactJobs();
            CompactTalent();
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Completes when the background compactions running now have been swapped in (at once when none runs).</summary>
    public Task WhenCompacted()
    {
        _lock.EnterReadLock();
        try { return Task.WhenAll((_jobCompaction?.Task ?? Task.CompletedTask), (_talentCompaction?.Task ?? Task.CompletedTask)); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// Sizes and waste of both sides. Waste comes from the running counts; entries and bytes from one pass over the
    /// posting lists (one step per list, not per entry).
    /// </summary>
    public EngineStatistics Statistics
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return new EngineStatistics(
                    Side(_openJobs, _jobSlots, _jobPostings, _jobWaste, _jobInts.Count + _jobFloats.Count,
                        (long)_jobs.Length * (Unsafe.SizeOf<JobRow>() + IntPtr.Size) + ((long)_jobInts.Data.Length + _jobFloats.Data.Length) * 4),
                    Side(_activeTalent, _talentSlots, _talentPostings, _talentWaste, _talentInts.Count,
                        (long)_talent.Length * (Unsafe.SizeOf<TalentRow>() + IntPtr.Size) + (long)_talentInts.Data.Length * 4));
            }
            finally { _lock.ExitReadLock(); }
        }
    }

    private static EngineSideStatistics Side(int live, int slots, Dictionary<ulong, Posting> postings, in WasteBook book, long poolValues, long rowAndPoolBytes)
    {
        long entries = 0, bytes = rowAndPoolBytes;
        foreach (var list in postings.Values)
        {
            entries += list.Count;
            bytes += (long)list.Items.Length * sizeof(int);
        }
        return new EngineSideStatistics(live, slots, postings.Count, entries, book.StaleEntries, book.DeadEntries,
            poolValues, poolValues - book.LiveInts - book.LiveFloats, bytes, book.Compactions);
    }

    /// <summary>Whether a side's waste crossed the automatic compaction policy (checked after each write).</summary>
    private bool IsWasteful(in WasteBook book, long poolValues)
    {
        if (AutoCompaction is not { } policy) return false;
        return Crosses(book.WastedEntries, book.Entries) || Crosses(poolValues - book.LiveInts - book.LiveFloats, poolValues);

        bool Crosses(long waste, long total) => waste >= policy.MinimumWaste && waste > total * policy.WasteShare;
    }

    // ----- jobs

    private readonly record struct JobSnapshot(JobRow[] Rows, string[] Ids, int Slots, int Live, int[] Ints, float[] Floats, long LiveInts, long LiveFloats, int Lists);

    private sealed record CompactedJobs(JobRow[] Rows, string[] Ids, int Live, Dictionary<string, int> Index, Pool<int> Ints, Pool<float> Floats,
        Dictionary<ulong, Posting> Postings, long Entries);

    // Under the write lock, after a write.
    private void CompactJobsIfWasteful()
    {
        if (_jobCompaction is not null || !IsWasteful(_jobWaste, _jobInts.Count + _jobFloats.Count)) return;
        if (AutoCompaction is { InBackground: false })
        {
            CompactJobs();
            return;
        }
        var snapshot = SnapshotJobs();
        InBackground(_jobGeneration, () => BuildJobs(snapshot), () => _jobGeneration, SwapJobs, pending => _jobCompaction = pending);
    }

    // Under the write lock.
    private void CompactJobs() => SwapJobs(BuildJobs(SnapshotJobs()), []);

    // The record array is copied (records are rewritten in place); the pools are not, as their written values never change.
    private JobSnapshot SnapshotJobs() => new(_jobs[.._jobSlots], _jobIdBySlot[.._jobSlots], _jobSlots, _openJobs,
        _jobInts.Data, _jobFloats.Data, _jobWaste.LiveInts, _jobWaste.LiveFloats, _jobPostings.Count);

    // Reads the snapshot only: needs no lock.
    private static CompactedJobs BuildJobs(JobSnapshot snapshot)
    {
        var ints = new Pool<int>((int)Math.Max(1024, snapshot.LiveInts));
        var floats = new Pool<float>((int)Math.Max(1024, snapshot.LiveFloats));
        var rows = new JobRow[Math.Max(16, snapshot.Live)];
        var ids = new string[rows.Length];
        var index = new Dictionary<string, int>(snapshot.Live, StringComparer.Ordinal);
        var live = 0;
        for (var slot = 0; slot < snapshot.Slots; slot++)
        {
            var row = snapshot.Rows[slot];
            if (!row.Alive) continue;
            rows[live] = MoveJob(row, snapshot.Ints, snapshot.Floats, ints, floats);
            ids[live] = snapshot.Ids[slot];
            index[ids[live]] = live;
            live++;
        }

        var postings = new Dictionary<ulong, Posting>(snapshot.Lists);
        var keys = new List<ulong>();
        var none = new HashSet<ulong>();
        long entries = 0;
        for (var slot = 0; slot < live; slot++)
        {
            keys.Clear();
            JobKeys(rows[slot], ints.Data, keys);
            entries += AddToPostings(postings, slot, keys, none).Added;
        }
        foreach (var list in postings.Values) list.Trim();
        return new CompactedJobs(rows, ids, live, index, ints, floats, postings, entries);
    }

    // Under the write lock: installs the compacted side, then writes again the records edited since its snapshot.
    private void SwapJobs(CompactedJobs built, List<string> edits)
    {
        var (oldRows, oldIndex, oldInts, oldFloats) = (_jobs, _jobIds, _jobInts.Data, _jobFloats.Data);
        (_jobs, _jobIdBySlot, _jobSlots, _jobIds, _jobInts, _jobFloats, _jobPostings, _openJobs) =
            (built.Rows, built.Ids, built.Live, built.Index, built.Ints, built.Floats, built.Postings, built.Live);
        _jobWaste = new WasteBook
        {
            Entries = built.Entries, CurrentEntries = built.Entries, LiveEntries = built.Entries,
            LiveInts = built.Ints.Count, LiveFloats = built.Floats.Count, Compactions = _jobWaste.Compactions + 1,
        };
        _jobGeneration++;
        foreach (var id in edits)
        {
            var current = oldRows[oldIndex[id]];
            // Closed or removed since the snapshot and not in the compacted side: nothing to hold.
            if (!current.Alive && !_jobIds.ContainsKey(id)) continue;
            PlaceJob(id, MoveJob(current, oldInts, oldFloats, _jobInts, _jobFloats));
        }
    }

    private static JobRow MoveJob(JobRow row, int[] fromInts, float[] fromFloats, Pool<int> ints, Pool<float> floats)
    {
        row.Skills = ints.Append(row.Skills.Of(fromInts));
        row.SkillWeights = floats.Append(row.SkillWeights.Of(fromFloats));
        row.Certificates = ints.Append(row.Certificates.Of(fromInts));
        row.Bigrams = ints.Append(row.Bigrams.Of(fromInts));
        row.TitleBigrams = ints.Append(row.TitleBigrams.Of(fromInts));
        return row;
    }

    // ----- talent

    private readonly record struct TalentSnapshot(TalentRow[] Rows, string[] Ids, int Slots, int Live, int[] Ints, long LiveInts, int Lists);

    private sealed record CompactedTalent(TalentRow[] Rows, string[] Ids, int Live, Dictionary<string, int> Index, Pool<int> Ints,
        Dictionary<ulong, Posting> Postings, long Entries);

    private void CompactTalentIfWasteful()
    {
        if (_talentCompaction is not null || !IsWasteful(_talentWaste, _talentInts.Count)) return;
        if (AutoCompaction is { InBackground: false })
        {
            CompactTalent();
            return;
        }
        var snapshot = SnapshotTalent();
        InBackground(_talentGeneration, () => BuildTalent(snapshot), () => _talentGeneration, SwapTalent, pending => _talentCompaction = pending);
    }

    private void CompactTalent() => SwapTalent(BuildTalent(SnapshotTalent()), []);

    private TalentSnapshot SnapshotTalent() => new(_talent[.._talentSlots], _talentIdBySlot[.._talentSlots], _talentSlots, _activeTalent,
        _talentInts.Data, _talentWaste.LiveInts, _talentPostings.Count);

    private static CompactedTalent BuildTalent(TalentSnapshot snapshot)
    {
        var ints = new Pool<int>((int)Math.Max(1024, snapshot.LiveInts));
        var rows = new TalentRow[Math.Max(16, snapshot.Live)];
        var ids = new string[rows.Length];
        var index = new Dictionary<string, int>(snapshot.Live, StringComparer.Ordinal);
        var live = 0;
        for (var slot = 0; slot < snapshot.Slots; slot++)
        {
            var row = snapshot.Rows[slot];
            if (!row.Alive) continue;
            rows[live] = MoveTalent(row, snapshot.Ints, ints);
            ids[live] = snapshot.Ids[slot];
            index[ids[live]] = live;
            live++;
        }

        var postings = new Dictionary<ulong, Posting>(snapshot.Lists);
        var keys = new List<ulong>();
        var none = new HashSet<ulong>();
        long entries = 0;
        for (var slot = 0; slot < live; slot++)
        {
            keys.Clear();
            TalentKeys(rows[slot], ints.Data, keys);
            entries += AddToPostings(postings, slot, keys, none).Added;
        }
        foreach (var list in postings.Values) list.Trim();
        return new CompactedTalent(rows, ids, live, index, ints, postings, entries);
    }

    private void SwapTalent(CompactedTalent built, List<string> edits)
    {
        var (oldRows, oldIndex, oldInts) = (_talent, _talentIds, _talentInts.Data);
        (_talent, _talentIdBySlot, _talentSlots, _talentIds, _talentInts, _talentPostings, _activeTalent) =
            (built.Rows, built.Ids, built.Live, built.Index, built.Ints, built.Postings, built.Live);
        _talentWaste = new WasteBook
        {
            Entries = built.Entries, CurrentEntries = built.Entries, LiveEntries = built.Entries,
            LiveInts = built.Ints.Count, Compactions = _talentWaste.Compactions + 1,
        };
        _talentGeneration++;
        foreach (var id in edits)
        {
            var current = oldRows[oldIndex[id]];
            if (!current.Alive && !_talentIds.ContainsKey(id)) continue;
            PlaceTalent(id, MoveTalent(current, oldInts, _talentInts));
        }
    }

    private static TalentRow MoveTalent(TalentRow row, int[] from, Pool<int> ints)
    {
        row.Reach = ints.Append(row.Reach.Of(from));
        row.Occupations = ints.Append(row.Occupations.Of(from));
        row.Skills = ints.Append(row.Skills.Of(from));
        row.Certificates = ints.Append(row.Certificates.Of(from));
        row.Bigrams = ints.Append(row.Bigrams.Of(from));
        row.TitleBigrams = ints.Append(row.TitleBigrams.Of(from));
        return row;
    }
}
