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

    // A background compaction of one side under way: the ids written since its snapshot, in order, once per write.
    private sealed class PendingCompaction(int generation)
    {
        public readonly int Generation = generation;
        public readonly List<string> Edits = [];
        public Task Task = Task.CompletedTask;

        public void Edited(string id) => Edits.Add(id);
    }

    // A background compaction catches up with the edits made since its snapshot in rounds outside the write lock until
    // at most this many are left, which the swap places under the lock; after MaxCatchUpRounds it swaps whatever is left.
    internal const int SwapReplayLimit = 1_000, MaxCatchUpRounds = 4;

    private int _catchUpRounds;

    /// <summary>Rounds background compactions have placed outside the write lock so far.</summary>
    internal int CatchUpRounds => Volatile.Read(ref _catchUpRounds);

    private PendingCompaction? _jobCompaction, _talentCompaction;
    private int _jobGeneration, _talentGeneration; // bumped by every swap; a background result of an older one is dropped

    /// <summary>Lets a test hold a background compaction between its build and its swap.</summary>
    internal Func<Task>? BeforeCompactionSwap { get; set; }

    // Called under the write lock, with the snapshot already taken: builds the compacted side on the thread pool, brings
    // it up to date with the edits made meanwhile, and swaps it in under the write lock, unless a compaction of the same
    // side was swapped in meanwhile. Each round copies, under the lock, the current records of the ids edited since the
    // last round (copy), and places them into the new side (place) outside the lock; the last round places under it.
    private void InBackground<TSide, TCopy>(int generation, Func<TSide> build, Func<int> currentGeneration,
        Func<List<string>, int, TCopy> copy, Action<TSide, TCopy, KeyScratch> place, Action<TSide> install, Action<PendingCompaction?> setPending)
    {
        var pending = new PendingCompaction(generation);
        setPending(pending);
        pending.Task = Task.Run(async () =>
        {
            try
            {
                var side = build();
                var scratch = new KeyScratch();
                if (BeforeCompactionSwap is { } hold) await hold().ConfigureAwait(false);
                var copied = 0;
                for (var round = 0; ; round++)
                {
                    TCopy records;
                    _lock.EnterWriteLock();
                    try
                    {
                        if (pending.Generation != currentGeneration())
                        {
                            setPending(null);
                            return;
                        }
                        var last = pending.Edits.Count - copied <= SwapReplayLimit || round >= MaxCatchUpRounds;
                        records = copy(pending.Edits, copied);
                        copied = pending.Edits.Count;
                        if (last)
                        {
                            place(side, records, scratch);
                            install(side);
                            setPending(null);
                            return;
                        }
                    }
                    finally { _lock.ExitWriteLock(); }
                    place(side, records, scratch);
                    Interlocked.Increment(ref _catchUpRounds);
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
    /// write that crosses the line only copies the side's record array; the records edited during the pass are placed
    /// into the new side in rounds outside the lock, and the swap places only the last few (at most
    /// <see cref="SwapReplayLimit"/> edits, unless writes outrun <see cref="MaxCatchUpRounds"/> rounds).
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

    // Lists every record of a freshly laid out side once per distinct key, in slot order; returns the entries added.
    private static long FillPostings(Dictionary<ulong, Posting> postings, int live, Action<int, List<ulong>> keysOf)
    {
        var keys = new List<ulong>();
        var none = new HashSet<ulong>();
        long entries = 0;
        for (var slot = 0; slot < live; slot++)
        {
            keys.Clear();
            keysOf(slot, keys);
            entries += AddToPostings(postings, slot, keys, none).Added;
        }
        foreach (var list in postings.Values) list.Trim();
        return entries;
    }

    // The ids written from index `from` on, each once with its current record, in the order of their last writes.
    private static List<(string Id, TRow Row)> Current<TRow>(List<string> edits, int from, Func<string, TRow> record)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var records = new List<(string, TRow)>();
        for (var i = edits.Count - 1; i >= from; i--)
            if (seen.Add(edits[i])) records.Add((edits[i], record(edits[i])));
        records.Reverse();
        return records;
    }

    // ----- jobs

    private readonly record struct JobSnapshot(JobRow[] Rows, string[] Ids, int Slots, int Live, int[] Ints, float[] Floats, long LiveInts, long LiveFloats, int Lists);

    // The current records of edited ids, with the pool arrays their data is in (values there never change).
    private sealed record JobCopies(List<(string Id, JobRow Row)> Records, int[] Ints, float[] Floats);

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
        InBackground(_jobGeneration, () => BuildJobs(snapshot), () => _jobGeneration, CopyJobs, PlaceCopiedJobs, InstallJobs, pending => _jobCompaction = pending);
    }

    // Under the write lock.
    private void CompactJobs() => InstallJobs(BuildJobs(SnapshotJobs()));

    // The record array is copied (records are rewritten in place); the pools are not, as their written values never change.
    private JobSnapshot SnapshotJobs() => new(_jobs[.._jobSlots], _jobIdBySlot[.._jobSlots], _jobSlots, _openJobs,
        _jobInts.Data, _jobFloats.Data, _jobWaste.LiveInts, _jobWaste.LiveFloats, _jobPostings.Count);

    // Reads the snapshot only: needs no lock.
    private static JobSide BuildJobs(JobSnapshot snapshot)
    {
        var side = new JobSide
        {
            Ints = new Pool<int>((int)Math.Max(1024, snapshot.LiveInts)),
            Floats = new Pool<float>((int)Math.Max(1024, snapshot.LiveFloats)),
            Rows = new JobRow[Math.Max(16, snapshot.Live)],
            Index = new Dictionary<string, int>(snapshot.Live, StringComparer.Ordinal),
            Postings = new Dictionary<ulong, Posting>(snapshot.Lists),
        };
        side.Ids = new string[side.Rows.Length];
        for (var slot = 0; slot < snapshot.Slots; slot++)
        {
            var row = snapshot.Rows[slot];
            if (!row.Alive) continue;
            side.Rows[side.Live] = MoveJob(row, snapshot.Ints, snapshot.Floats, side.Ints, side.Floats);
            side.Ids[side.Live] = snapshot.Ids[slot];
            side.Index[snapshot.Ids[slot]] = side.Live;
            side.Live++;
        }
        side.Slots = side.Live;

        var entries = FillPostings(side.Postings, side.Live, (slot, keys) => JobKeys(side.Rows[slot], side.Ints.Data, keys));
        side.Waste = new WasteBook
        {
            Entries = entries, CurrentEntries = entries, LiveEntries = entries, LiveInts = side.Ints.Count, LiveFloats = side.Floats.Count,
        };
        return side;
    }

    // Under the write lock.
    private JobCopies CopyJobs(List<string> edits, int from)
    {
        return new JobCopies(Current(edits, from, id => _jobs[_jobIds[id]]), _jobInts.Data, _jobFloats.Data);
    }

    // Places copied records into a side being built; closed or removed ones it does not hold are left out.
    private static void PlaceCopiedJobs(JobSide side, JobCopies copies, KeyScratch scratch)
    {
        foreach (var (id, row) in copies.Records)
            if (row.Alive || side.Index.ContainsKey(id))
                PlaceJob(side, id, MoveJob(row, copies.Ints, copies.Floats, side.Ints, side.Floats), scratch);
    }

    // Under the write lock.
    private void InstallJobs(JobSide side)
    {
        side.Waste.Compactions = _jobWaste.Compactions + 1;
        _jobSide = side;
        _jobGeneration++;
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

    private sealed record TalentCopies(List<(string Id, TalentRow Row)> Records, int[] Ints);

    private void CompactTalentIfWasteful()
    {
        if (_talentCompaction is not null || !IsWasteful(_talentWaste, _talentInts.Count)) return;
        if (AutoCompaction is { InBackground: false })
        {
            CompactTalent();
            return;
        }
        var snapshot = SnapshotTalent();
        InBackground(_talentGeneration, () => BuildTalent(snapshot), () => _talentGeneration, CopyTalent, PlaceCopiedTalent, InstallTalent,
            pending => _talentCompaction = pending);
    }

    private void CompactTalent() => InstallTalent(BuildTalent(SnapshotTalent()));

    private TalentSnapshot SnapshotTalent() => new(_talent[.._talentSlots], _talentIdBySlot[.._talentSlots], _talentSlots, _activeTalent,
        _talentInts.Data, _talentWaste.LiveInts, _talentPostings.Count);

    private static TalentSide BuildTalent(TalentSnapshot snapshot)
    {
        var side = new TalentSide
        {
            Ints = new Pool<int>((int)Math.Max(1024, snapshot.LiveInts)),
            Rows = new TalentRow[Math.Max(16, snapshot.Live)],
            Index = new Dictionary<string, int>(snapshot.Live, StringComparer.Ordinal),
            Postings = new Dictionary<ulong, Posting>(snapshot.Lists),
        };
        side.Ids = new string[side.Rows.Length];
        for (var slot = 0; slot < snapshot.Slots; slot++)
        {
            var row = snapshot.Rows[slot];
            if (!row.Alive) continue;
            side.Rows[side.Live] = MoveTalent(row, snapshot.Ints, side.Ints);
            side.Ids[side.Live] = snapshot.Ids[slot];
            side.Index[snapshot.Ids[slot]] = side.Live;
            side.Live++;
        }
        side.Slots = side.Live;

        var entries = FillPostings(side.Postings, side.Live, (slot, keys) => TalentKeys(side.Rows[slot], side.Ints.Data, keys));
        side.Waste = new WasteBook { Entries = entries, CurrentEntries = entries, LiveEntries = entries, LiveInts = side.Ints.Count };
        return side;
    }

    private TalentCopies CopyTalent(List<string> edits, int from)
    {
        return new TalentCopies(Current(edits, from, id => _talent[_talentIds[id]]), _talentInts.Data);
    }

    private static void PlaceCopiedTalent(TalentSide side, TalentCopies copies, KeyScratch scratch)
    {
        foreach (var (id, row) in copies.Records)
            if (row.Alive || side.Index.ContainsKey(id))
                PlaceTalent(side, id, MoveTalent(row, copies.Ints, side.Ints), scratch);
    }

    private void InstallTalent(TalentSide side)
    {
        side.Waste.Compactions = _talentWaste.Compactions + 1;
        _talentSide = side;
        _talentGeneration++;
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
