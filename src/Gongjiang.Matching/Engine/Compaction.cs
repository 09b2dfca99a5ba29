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

    /// <summary>
    /// Drops the waste edits leave behind: posting lists are rebuilt with one entry per live record and key, the
    /// pools are rewritten with the data of live records only, and closed, inactive or removed records give up their
    /// slots (a later upsert of one of them takes a new slot). Live records keep their relative order, so equal
    /// scores rank as before and queries give the same results before and after.
    /// <para>
    /// Takes the write lock: queries wait for it, and none sees a half-compacted index. Costs one pass over the live
    /// records of both sides. Writes call it for one side on their own (see <see cref="AutoCompaction"/>) once the
    /// waste reaches a third of that side: since each edit leaves at most one record's keys and data behind, at least
    /// (live entries / 2) / (keys per record) edits pass between two compactions, so the pass, paid by the write that
    /// crosses the line, costs each edit about as much as indexing one record.
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

    private void CompactJobs()
    {
        var ints = new Pool<int>((int)Math.Max(1024, _jobWaste.LiveInts));
        var floats = new Pool<float>((int)Math.Max(1024, _jobWaste.LiveFloats));
        var rows = new JobRow[Math.Max(16, _openJobs)];
        var ids = new string[rows.Length];
        var live = 0;
        for (var slot = 0; slot < _jobSlots; slot++)
        {
            var row = _jobs[slot];
            var id = _jobIdBySlot[slot];
            if (!row.Alive)
            {
                _jobIds.Remove(id);
                continue;
            }
            row.Skills = Move(row.Skills, _jobInts, ints);
            row.SkillWeights = Move(row.SkillWeights, _jobFloats, floats);
            row.Certificates = Move(row.Certificates, _jobInts, ints);
            row.Bigrams = Move(row.Bigrams, _jobInts, ints);
            row.TitleBigrams = Move(row.TitleBigrams, _jobInts, ints);
            rows[live] = row;
            ids[live] = id;
            _jobIds[id] = live;
            live++;
        }
        _jobIds.TrimExcess();
        (_jobs, _jobIdBySlot, _jobSlots, _jobInts, _jobFloats) = (rows, ids, live, ints, floats);

        var postings = new Dictionary<ulong, Posting>(_jobPostings.Count);
        _oldKeys.Clear();
        long entries = 0;
        for (var slot = 0; slot < live; slot++)
        {
            JobKeys(rows[slot], Cleared(_keys));
            entries += AddToPostings(postings, slot).Added;
        }
        foreach (var list in postings.Values) list.Trim();
        _jobPostings = postings;
        _jobWaste = new WasteBook
        {
            Entries = entries, CurrentEntries = entries, LiveEntries = entries,
            LiveInts = ints.Count, LiveFloats = floats.Count, Compactions = _jobWaste.Compactions + 1,
        };
    }

    private void CompactTalent()
    {
        var ints = new Pool<int>((int)Math.Max(1024, _talentWaste.LiveInts));
        var rows = new TalentRow[Math.Max(16, _activeTalent)];
        var ids = new string[rows.Length];
        var live = 0;
        for (var slot = 0; slot < _talentSlots; slot++)
        {
            var row = _talent[slot];
            var id = _talentIdBySlot[slot];
            if (!row.Alive)
            {
                _talentIds.Remove(id);
                continue;
            }
            row.Reach = Move(row.Reach, _talentInts, ints);
            row.Occupations = Move(row.Occupations, _talentInts, ints);
            row.Skills = Move(row.Skills, _talentInts, ints);
            row.Certificates = Move(row.Certificates, _talentInts, ints);
            row.Bigrams = Move(row.Bigrams, _talentInts, ints);
            row.TitleBigrams = Move(row.TitleBigrams, _talentInts, ints);
            rows[live] = row;
            ids[live] = id;
            _talentIds[id] = live;
            live++;
        }
        _talentIds.TrimExcess();
        (_talent, _talentIdBySlot, _talentSlots, _talentInts) = (rows, ids, live, ints);

        var postings = new Dictionary<ulong, Posting>(_talentPostings.Count);
        _oldKeys.Clear();
        long entries = 0;
        for (var slot = 0; slot < live; slot++)
        {
            TalentKeys(rows[slot], Cleared(_keys));
            entries += AddToPostings(postings, slot).Added;
        }
        foreach (var list in postings.Values) list.Trim();
        _talentPostings = postings;
        _talentWaste = new WasteBook
        {
            Entries = entries, CurrentEntries = entries, LiveEntries = entries,
            LiveInts = ints.Count, Compactions = _talentWaste.Compactions + 1,
        };
    }

    private static Slice Move<T>(Slice slice, Pool<T> from, Pool<T> to) where T : unmanaged => to.Append(from.Get(slice));
}
