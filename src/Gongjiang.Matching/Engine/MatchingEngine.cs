using System.Diagnostics.CodeAnalysis;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Core.Talent;

namespace Gongjiang.Matching.Engine;

/// <summary>
/// 人岗精准匹配: an in-memory index of open jobs and active talent, queried in both directions.
/// <para>
/// A query first gathers candidates from posting lists keyed by (prefecture city, occupation minor/middle group,
/// skill, title bigram), most selective first, so it never scans every profile; each candidate passes the hard
/// filters and is scored from its <see cref="MatchFeatures"/> by an <see cref="IScoringModel"/>; a small heap keeps
/// the best K, and only those get reasons.
/// </para>
/// <para>
/// Upserts and removals are visible to the next query. Readers share a lock, writers take it alone. An edit keeps
/// the record's slot and adds it to its new posting lists; lists it left keep a stale entry that the filters and
/// scoring, which always read the current record, make harmless, and a removal only marks the record dead. The waste
/// is counted as it grows and <see cref="Compact"/> drops it, by itself once it is a third of the index
/// (see <see cref="AutoCompaction"/>, <see cref="Statistics"/>).
/// </para>
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The engine and its lock live as long as the process (or the test) that holds it; nothing would call Dispose.")]
public sealed partial class MatchingEngine
{
    private readonly TaxonomyLookup _taxonomy;
    private readonly TimeProvider _clock;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Interner _skills = new();
    private readonly Interner _certificates = new();
    private readonly Encoder _encoder;
    // Per indexed job: standard item → the skill as written, for the jobs whose written skills were recognised as items.
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _writtenSkills = new(StringComparer.Ordinal);

    // The two sides of the index, each swapped whole by a compaction; the members below name their parts.
    private JobSide _jobSide = new();
    private TalentSide _talentSide = new();

    private ref Pool<int> _jobInts => ref _jobSide.Ints;
    private ref Pool<float> _jobFloats => ref _jobSide.Floats;
    private ref JobRow[] _jobs => ref _jobSide.Rows;
    private ref string[] _jobIdBySlot => ref _jobSide.Ids;
    private ref int _jobSlots => ref _jobSide.Slots;
    private ref Dictionary<string, int> _jobIds => ref _jobSide.Index;
    private ref Dictionary<ulong, Posting> _jobPostings => ref _jobSide.Postings;
    private ref int _openJobs => ref _jobSide.Live;
    private ref WasteBook _jobWaste => ref _jobSide.Waste;

    private ref Pool<int> _talentInts => ref _talentSide.Ints;
    private ref TalentRow[] _talent => ref _talentSide.Rows;
    private ref string[] _talentIdBySlot => ref _talentSide.Ids;
    private ref int _talentSlots => ref _talentSide.Slots;
    private ref Dictionary<string, int> _talentIds => ref _talentSide.Index;
    private ref Dictionary<ulong, Posting> _talentPostings => ref _talentSide.Postings;
    private ref int _activeTalent => ref _talentSide.Live;
    private ref WasteBook _talentWaste => ref _talentSide.Waste;

    // Reused by writers only (under the write lock).
    private readonly KeyScratch _scratch = new();
    private List<ulong> _keys => _scratch.Keys;
    private HashSet<ulong> _oldKeys => _scratch.Old;

    public MatchingEngine(TaxonomyCatalog catalog, TimeProvider? clock = null)
    {
        _taxonomy = new TaxonomyLookup(catalog);
        _clock = clock ?? TimeProvider.System;
        _encoder = new Encoder(_taxonomy, _skills, _certificates);
    }

    /// <summary>Builds an engine over a whole market at once.</summary>
    public static MatchingEngine Build(TaxonomyCatalog catalog, IEnumerable<JobPosting> jobs, IEnumerable<TalentProfile> talent, TimeProvider? clock = null)
    {
        var engine = new MatchingEngine(catalog, clock);
        engine._lock.EnterWriteLock();
        try
        {
            // Records are laid out by (city, occupation, grade), so a posting list of the same occupation in a city is
            // a run of neighbouring slots and its records sit next to each other in memory: a query then reads memory
            // mostly in order instead of jumping across gigabytes.
            var jobArray = jobs as IReadOnlyList<JobPosting> ?? jobs.ToList();
            var talentArray = talent as IReadOnlyList<TalentProfile> ?? talent.ToList();
            Reserve(ref engine._jobs, ref engine._jobIdBySlot, jobArray.Count);
            Reserve(ref engine._talent, ref engine._talentIdBySlot, talentArray.Count);
            var lookup = engine._taxonomy;
            foreach (var i in LayoutOrder(jobArray.Count, i => LayoutKey(lookup.CityOf(jobArray[i].CityCode), jobArray[i].OccupationCode, jobArray[i].MinGrade)))
                engine.UpsertCore(jobArray[i]);
            foreach (var i in LayoutOrder(talentArray.Count, i => LayoutKey(lookup.CityOf(talentArray[i].CityCode),
                         talentArray[i].Occupations.Count > 0 ? talentArray[i].Occupations[0].Code : null, talentArray[i].Occupations.Count > 0 ? talentArray[i].Occupations[0].Grade : null)))
                engine.UpsertCore(talentArray[i]);
        }
        finally { engine._lock.ExitWriteLock(); }
        return engine;
    }

    private static long LayoutKey(int city, string? occupation, int? grade) =>
        ((long)city << 32) | ((long)OccupationInt.Parse(occupation) << 3) | (long)(grade is >= 1 and <= 5 ? grade.Value : 0);

    /// <summary>Indexes sorted by key, ties in input order.</summary>
    private static int[] LayoutOrder(int count, Func<int, long> key)
    {
        var items = new (long Key, int Index)[count];
        for (var i = 0; i < count; i++) items[i] = (key(i), i);
        Array.Sort(items);
        return Array.ConvertAll(items, x => x.Index);
    }

    /// <summary>Open jobs in the index (expiry not considered).</summary>
    public int JobCount { get { _lock.EnterReadLock(); try { return _openJobs; } finally { _lock.ExitReadLock(); } } }

    /// <summary>Active talent in the index.</summary>
    public int TalentCount { get { _lock.EnterReadLock(); try { return _activeTalent; } finally { _lock.ExitReadLock(); } } }

    public bool ContainsJob(string id) { _lock.EnterReadLock(); try { return _jobIds.TryGetValue(id, out var s) && _jobs[s].Alive; } finally { _lock.ExitReadLock(); } }

    public bool ContainsTalent(string id) { _lock.EnterReadLock(); try { return _talentIds.TryGetValue(id, out var s) && _talent[s].Alive; } finally { _lock.ExitReadLock(); } }

    // ---------------------------------------------------------------- writes

    /// <summary>Adds or replaces a job. A job that is not open stays unmatchable until it is upserted as open.</summary>
    public void Upsert(JobPosting job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (string.IsNullOrEmpty(job.Id)) throw new ArgumentException("A job needs an id.", nameof(job));
        _lock.EnterWriteLock();
        try
        {
            UpsertCore(job);
            CompactJobsIfWasteful();
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Adds or replaces a talent profile. An inactive profile stays unmatchable until upserted as active.</summary>
    public void Upsert(TalentProfile talent)
    {
        ArgumentNullException.ThrowIfNull(talent);
        if (string.IsNullOrEmpty(talent.Id)) throw new ArgumentException("A talent profile needs an id.", nameof(talent));
        _lock.EnterWriteLock();
        try
        {
            UpsertCore(talent);
            CompactTalentIfWasteful();
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Removes a job or a talent profile by id; false when neither is indexed.</summary>
    public bool Remove(string id) => RemoveJob(id) | RemoveTalent(id);

    public bool RemoveJob(string id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_jobIds.TryGetValue(id, out var slot) || !_jobs[slot].Alive) return false;
            ref var row = ref _jobs[slot];
            _jobWaste.Retire(DistinctKeys(JobKeys(row, Cleared(_keys))), IntsOf(row), row.SkillWeights.Length);
            row.Alive = false;
            _writtenSkills.Remove(id);
            _openJobs--;
            _jobCompaction?.Edited(id);
            CompactJobsIfWasteful();
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    public bool RemoveTalent(string id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_talentIds.TryGetValue(id, out var slot) || !_talent[slot].Alive) return false;
            ref var row = ref _talent[slot];
            _talentWaste.Retire(DistinctKeys(TalentKeys(row, Cleared(_keys))), IntsOf(row), 0);
            row.Alive = false;
            _activeTalent--;
            _talentCompaction?.Edited(id);
            CompactTalentIfWasteful();
            return true;
        }
        finally { _lock.ExitWriteLock(); }
    }

    private void UpsertCore(JobPosting job)
    {
        PlaceJob(job.Id, _encoder.Encode(job, _jobInts, _jobFloats));
        if (Encoder.WrittenSkills(job) is { } written) _writtenSkills[job.Id] = written;
        else _writtenSkills.Remove(job.Id);
        _jobCompaction?.Edited(job.Id);
    }

    private void UpsertCore(TalentProfile talent)
    {
        PlaceTalent(talent.Id, _encoder.Encode(talent, _talentInts));
        _talentCompaction?.Edited(talent.Id);
    }

    private void PlaceJob(string id, in JobRow row) => PlaceJob(_jobSide, id, row, _scratch);

    private void PlaceTalent(string id, in TalentRow row) => PlaceTalent(_talentSide, id, row, _scratch);

    /// <summary>Writes an encoded job (its data already in the side's pools) into its slot or a new one.</summary>
    private static void PlaceJob(JobSide side, string id, in JobRow row, KeyScratch scratch)
    {
        scratch.Old.Clear();
        if (side.Index.TryGetValue(id, out var slot))
        {
            ref readonly var old = ref side.Rows[slot];
            var oldKeys = DistinctKeys(JobKeys(old, side.Ints.Data, Cleared(scratch.Keys)), scratch.Old);
            side.Waste.Replace(old.Alive, oldKeys, IntsOf(old), old.SkillWeights.Length);
            if (old.Alive) side.Live--;
        }
        else
        {
            slot = side.Slots++;
            Reserve(ref side.Rows, ref side.Ids, side.Slots);
            side.Index.Add(id, slot);
            side.Ids[slot] = id;
        }
        side.Rows[slot] = row;
        if (row.Alive) side.Live++;
        JobKeys(row, side.Ints.Data, Cleared(scratch.Keys));
        var (keys, added) = AddToPostings(side.Postings, slot, scratch.Keys, scratch.Old);
        side.Waste.Add(row.Alive, keys, added, IntsOf(row), row.SkillWeights.Length);
    }

    /// <summary>Writes an encoded profile (its data already in the side's pool) into its slot or a new one.</summary>
    private static void PlaceTalent(TalentSide side, string id, in TalentRow row, KeyScratch scratch)
    {
        scratch.Old.Clear();
        if (side.Index.TryGetValue(id, out var slot))
        {
            ref readonly var old = ref side.Rows[slot];
            var oldKeys = DistinctKeys(TalentKeys(old, side.Ints.Data, Cleared(scratch.Keys)), scratch.Old);
            side.Waste.Replace(old.Alive, oldKeys, IntsOf(old), 0);
            if (old.Alive) side.Live--;
        }
        else
        {
            slot = side.Slots++;
            Reserve(ref side.Rows, ref side.Ids, side.Slots);
            side.Index.Add(id, slot);
            side.Ids[slot] = id;
        }
        side.Rows[slot] = row;
        if (row.Alive) side.Live++;
        TalentKeys(row, side.Ints.Data, Cleared(scratch.Keys));
        var (keys, added) = AddToPostings(side.Postings, slot, scratch.Keys, scratch.Old);
        side.Waste.Add(row.Alive, keys, added, IntsOf(row), 0);
    }

    private static List<ulong> Cleared(List<ulong> keys)
    {
        keys.Clear();
        return keys;
    }

    private int DistinctKeys(List<ulong> keys) => DistinctKeys(keys, _oldKeys);

    /// <summary>Collects <paramref name="keys"/> into <paramref name="into"/> and returns how many distinct ones there are.</summary>
    private static int DistinctKeys(List<ulong> keys, HashSet<ulong> into)
    {
        into.Clear();
        into.UnionWith(keys);
        return into.Count;
    }

    /// <summary>
    /// Adds the slot to the lists of its distinct <paramref name="keys"/> that are not in <paramref name="oldKeys"/>
    /// (the lists it is already on). Returns the number of distinct keys and the number of entries added.
    /// </summary>
    private static (int Keys, int Added) AddToPostings(Dictionary<ulong, Posting> postings, int slot, List<ulong> keys, HashSet<ulong> oldKeys)
    {
        keys.Sort();
        int distinct = 0, added = 0;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (i > 0 && keys[i - 1] == key) continue; // one entry per list, even when two occupations share a group
            distinct++;
            if (oldKeys.Contains(key)) continue;
            if (!postings.TryGetValue(key, out var list)) postings.Add(key, list = new Posting());
            list.Add(slot);
            added++;
        }
        return (distinct, added);
    }

    private static int IntsOf(in JobRow row) =>
        row.Skills.Length + row.Certificates.Length + row.Bigrams.Length + row.TitleBigrams.Length;

    private static int IntsOf(in TalentRow row) =>
        row.Reach.Length + row.Occupations.Length + row.Skills.Length + row.Certificates.Length + row.Bigrams.Length + row.TitleBigrams.Length;

    private static void Reserve<T>(ref T[] rows, ref string[] ids, int count)
    {
        if (rows.Length >= count) return;
        var size = Math.Max(count, rows.Length * 2);
        Array.Resize(ref rows, size);
        Array.Resize(ref ids, size);
    }

    private List<ulong> JobKeys(in JobRow row, List<ulong> into) => JobKeys(row, _jobInts.Data, into);

    /// <summary>The posting keys of a job whose variable-length data is in <paramref name="ints"/>.</summary>
    private static List<ulong> JobKeys(in JobRow row, int[] ints, List<ulong> into)
    {
        var city = row.City;
        if (city == 0) return into;
        into.Add(PostingKey.Make(city, PostingKey.City, 0));
        if (row.Occupation != 0)
        {
            // Split by the grade required (0 = none), so a seeker visits only the postings their grade can meet.
            into.Add(PostingKey.Make(city, PostingKey.Occupation, row.Occupation * 8 + row.MinGrade));
            into.Add(PostingKey.Make(city, PostingKey.Minor, row.Occupation / 100 * 8 + row.MinGrade));
            into.Add(PostingKey.Make(city, PostingKey.Middle, row.Occupation / 10000));
        }
        foreach (var s in row.Skills.Of(ints)) if (s >= 0) into.Add(PostingKey.Make(city, PostingKey.Skill, s));
        foreach (var b in row.TitleBigrams.Of(ints)) into.Add(PostingKey.Make(city, PostingKey.Bigram, b));
        return into;
    }

    /// <summary>The best grade held in a minor group (the one a job in that group judges), 0 when none.</summary>
    private static int BestGradeInMinor(ReadOnlySpan<int> occupations, int minor)
    {
        var best = 0;
        foreach (var packed in occupations)
        {
            var g = GradeBucket(packed);
            if (g != 0 && PackedOccupation.Code(packed) / 100 == minor && (best == 0 || g < best)) best = g;
        }
        return best;
    }

    /// <summary>The grade held (1…5), or 0 for ungraded and desired-only occupations.</summary>
    private static int GradeBucket(int packed) => PackedOccupation.Grade(packed) is var g and >= 1 and <= 5 ? g : 0;

    private List<ulong> TalentKeys(in TalentRow row, List<ulong> into) => TalentKeys(row, _talentInts.Data, into);

    /// <summary>The posting keys of a profile whose variable-length data is in <paramref name="ints"/>.</summary>
    private static List<ulong> TalentKeys(in TalentRow row, int[] ints, List<ulong> into)
    {
        var occupations = row.Occupations.Of(ints);
        var skills = row.Skills.Of(ints);
        var titles = row.TitleBigrams.Of(ints);
        foreach (var city in row.Reach.Of(ints))
        {
            into.Add(PostingKey.Make(city, PostingKey.City, 0));
            foreach (var packed in occupations)
            {
                // Occupation and minor-group lists are split by the grade held, so a job's minimum grade picks its lists.
                var code = PackedOccupation.Code(packed);
                var grade = GradeBucket(packed);
                into.Add(PostingKey.Make(city, PostingKey.Occupation, code * 8 + grade));
                into.Add(PostingKey.Make(city, PostingKey.Minor, code / 100 * 8 + grade));
                into.Add(PostingKey.Make(city, PostingKey.Middle, code / 10000));
            }
            foreach (var s in skills) into.Add(PostingKey.Make(city, PostingKey.Skill, s));
            foreach (var b in titles) into.Add(PostingKey.Make(city, PostingKey.Bigram, b));
        }
        return into;
    }

    // ---------------------------------------------------------------- queries

    /// <summary>The best <paramref name="top"/> active talent for an indexed job; empty for an unknown, closed or expired job.</summary>
    public IReadOnlyList<MatchResult> TalentForJob(string jobId, int top, MatchOptions? options = null)
    {
        options ??= MatchOptions.Default;
        var today = Today(options);
        _lock.EnterReadLock();
        try
        {
            if (top <= 0 || !_jobIds.TryGetValue(jobId, out var slot)) return [];
            ref readonly var row = ref _jobs[slot];
            if (!row.Alive || row.ExpiresDay < today) return [];
            return RankTalent(new JobView(in row, _jobInts, _jobFloats), jobId, top, options, today, null, _writtenSkills.GetValueOrDefault(jobId));
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>The best talent for a job that need not be in the index (e.g. a draft being written). Its status is not checked.</summary>
    public IReadOnlyList<MatchResult> TalentForJob(JobPosting job, int top, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        options ??= MatchOptions.Default;
        var today = Today(options);
        var ints = new Pool<int>();
        var floats = new Pool<float>();
        _lock.EnterReadLock();
        try
        {
            if (top <= 0) return [];
            var encoder = new Encoder(_taxonomy, _skills, _certificates) { Intern = false };
            var row = encoder.Encode(job, ints, floats);
            return RankTalent(new JobView(in row, ints, floats), job.Id, top, options, today, encoder.LocalNames, Encoder.WrittenSkills(job));
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>The best open jobs for an indexed, active talent; empty for an unknown or inactive one.</summary>
    public IReadOnlyList<MatchResult> JobsForTalent(string talentId, int top, MatchOptions? options = null)
    {
        options ??= MatchOptions.Default;
        if (options.NonPersonalized) return BrowseJobs(talentId, top, options);
        var today = Today(options);
        _lock.EnterReadLock();
        try
        {
            if (top <= 0 || !_talentIds.TryGetValue(talentId, out var slot)) return [];
            ref readonly var row = ref _talent[slot];
            if (!row.Alive) return [];
            return RankJobs(new TalentView(in row, _talentInts), talentId, top, options, today, null);
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>The best open jobs for a profile that need not be in the index.</summary>
    public IReadOnlyList<MatchResult> JobsForTalent(TalentProfile talent, int top, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(talent);
        options ??= MatchOptions.Default;
        if (options.NonPersonalized) return BrowseJobs(talent.Id, top, options);
        var today = Today(options);
        var ints = new Pool<int>();
        _lock.EnterReadLock();
        try
        {
            if (top <= 0) return [];
            var encoder = new Encoder(_taxonomy, _skills, _certificates) { Intern = false };
            var row = encoder.Encode(talent, ints);
            return RankJobs(new TalentView(in row, ints), talent.Id, top, options, today, encoder.LocalNames);
        }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>
    /// Non-personalized job list (PIPL Art. 24): open jobs in <see cref="MatchOptions.Cities"/> (all cities when empty),
    /// newest and most-hiring first. Reads nothing about the seeker; <paramref name="talentId"/> is only echoed.
    /// </summary>
    public IReadOnlyList<MatchResult> BrowseJobs(string? talentId, int top, MatchOptions options)
    {
        var today = Today(options);
        var cities = options.Cities.Select(_taxonomy.CityOf).Where(c => c != 0).Distinct().ToArray();
        _lock.EnterReadLock();
        try
        {
            if (top <= 0) return [];
            var scratch = QueryScratch.Current;
            scratch.Begin(_jobSlots, top);
            var heap = new TopK(scratch.Heap.AsSpan(0, top));
            if (options.Cities.Count == 0)
            {
                for (var slot = 0; slot < _jobSlots; slot++) OfferBrowse(ref heap, slot, today);
            }
            else
            {
                // A posting list may hold a slot more than once after edits; the seen bits keep each job once.
                foreach (var city in cities)
                    if (_jobPostings.TryGetValue(PostingKey.Make(city, PostingKey.City, 0), out var list))
                        foreach (var slot in list.Span)
                            if (_jobs[slot].City == city && QueryScratch.FirstVisit(scratch.Seen, slot)) OfferBrowse(ref heap, slot, today);
            }
            var best = heap.ToSortedArray();
            var results = new MatchResult[best.Length];
            for (var i = 0; i < best.Length; i++)
            {
                ref readonly var row = ref _jobs[best[i].Slot];
                var features = new MatchFeatures { JobRecency = Scoring.Recency(row.PostedDay, today, Scoring.JobRecencyTable) };
                var reasons = options.WithReasons
                    ? new MatchReasons { JobCity = CityName(row.City), Text = $"非个性化推荐: 按发布时间与招聘人数排序; {CityName(row.City)}" }
                    : null;
                results[i] = new MatchResult(_jobIdBySlot[best[i].Slot], talentId ?? "", i + 1, best[i].Score, features, reasons);
            }
            return results;
        }
        finally { _lock.ExitReadLock(); }
    }

    private void OfferBrowse(ref TopK heap, int slot, int today)
    {
        ref readonly var row = ref _jobs[slot];
        if (!row.Alive || row.ExpiresDay < today) return;
        var popularity = MathF.Min(1f, MathF.Log2(1 + row.Headcount) / 5f);
        heap.Offer(0.7f * Scoring.Recency(row.PostedDay, today, Scoring.JobRecencyTable) + 0.3f * popularity, slot);
    }

    /// <summary>
    /// Features and reasons of one indexed pair, or null when either id is unknown, the job is not open, or the pair
    /// fails a hard filter. For a learned ranker's training rows and for "why this match".
    /// </summary>
    public MatchResult? Explain(string jobId, string talentId, MatchOptions? options = null)
    {
        options ??= MatchOptions.Default;
        var today = Today(options);
        _lock.EnterReadLock();
        try
        {
            if (!_jobIds.TryGetValue(jobId, out var js) || !_talentIds.TryGetValue(talentId, out var ts)) return null;
            ref readonly var job = ref _jobs[js];
            ref readonly var talent = ref _talent[ts];
            if (!job.Alive || job.ExpiresDay < today || !talent.Alive) return null;
            var jv = new JobView(in job, _jobInts, _jobFloats);
            var tv = new TalentView(in talent, _talentInts);
            if (!Scoring.TryScore(jv, tv, today, out var f)) return null;
            var model = options.Model ?? HandWeights.Default;
            return new MatchResult(jobId, talentId, 1, model.Present(model.Score(f)), f, options.WithReasons ? Reasons.Build(jv, tv, f, this, null, _writtenSkills.GetValueOrDefault(jobId)) : null);
        }
        finally { _lock.ExitReadLock(); }
    }

    private MatchResult[] RankTalent(scoped in JobView job, string jobId, int top, MatchOptions options, int today, List<string>? localNames,
        IReadOnlyDictionary<string, string>? writtenSkills)
    {
        var model = options.Model ?? HandWeights.Default;
        var k = options.Reranker is null ? top : Math.Max(top, options.RerankDepth);
        var scratch = QueryScratch.Current;
        scratch.Begin(_talentSlots, k);
        var heap = new TopK(scratch.Heap.AsSpan(0, k));
        var budget = options.MaxCandidates;
        var city = job.Row.City;
        var occupation = job.Row.Occupation;
        // Skill and text posting lists longer than these behave like stop words (安全生产, 技术) and are skipped.
        var commonLimit = Math.Max(10_000, _activeTalent / 10);
        var textLimit = Math.Max(5_000, _activeTalent / 50);

        // Most selective first: the job's occupation, its minor group (the siblings), then its skills and title
        // words; the wider middle group and the whole city only while fewer than K candidates pass the filters.
        if (city != 0)
        {
            if (occupation != 0)
            {
                // Only the grades that meet the requirement (all of them, ungraded included, when there is none), the exact
                // grade first: it fits best, so the top K fills early and prunes more.
                var (lowest, highest) = job.Row.MinGrade != 0 ? (1, (int)job.Row.MinGrade) : (0, 5);
                for (var g = highest; g >= lowest; g--)
                    VisitTalent(PostingKey.Make(city, PostingKey.Occupation, occupation * 8 + g), job, model, today, ref heap, ref budget, int.MaxValue);
                for (var g = highest; g >= lowest; g--)
                    VisitTalent(PostingKey.Make(city, PostingKey.Minor, occupation / 100 * 8 + g), job, model, today, ref heap, ref budget, int.MaxValue);
            }
            // Skill and title-word lists add people from other minor groups: worth visiting only when the job's grade
            // requirement cannot exclude them all and such a candidate could still beat the current top K.
            if (occupation == 0 || (job.Row.MinGrade == 0 && OutsidersMayEnter(model, heap.Threshold)))
            {
                foreach (var s in SkillsByWeight(job)) VisitTalent(PostingKey.Make(city, PostingKey.Skill, s), job, model, today, ref heap, ref budget, commonLimit);
                foreach (var b in job.TitleBigrams) VisitTalent(PostingKey.Make(city, PostingKey.Bigram, b), job, model, today, ref heap, ref budget, textLimit);
            }
            if (occupation != 0 && heap.Count < k) VisitTalent(PostingKey.Make(city, PostingKey.Middle, occupation / 10000), job, model, today, ref heap, ref budget, int.MaxValue);
            if (heap.Count < k) VisitTalent(PostingKey.Make(city, PostingKey.City, 0), job, model, today, ref heap, ref budget, int.MaxValue);
        }
        return FinishTalent(heap.ToSortedArray(), job, jobId, top, options, today, localNames, writtenSkills);
    }

    private void VisitTalent(ulong key, scoped in JobView job, IScoringModel model, int today, ref TopK heap, ref int budget, int maxLength)
    {
        if (budget <= 0 || !_talentPostings.TryGetValue(key, out var list) || list.Count > maxLength) return;
        var scratch = QueryScratch.Current;
        var seen = scratch.Seen;
        var scored = 0;
        var rows = _talent;
        var bound = model as HandWeights; // a linear model lets hopeless candidates skip the costly features
        var slots = list.Span;
        for (var i = slots.Length - 1; i >= 0; i--) // latest slots first: a spent budget leaves out the oldest upserts
        {
            var slot = slots[i];
            if (!QueryScratch.FirstVisit(seen, slot)) continue;
            ref readonly var row = ref rows[slot];
            if (!row.Alive) continue;
            if (--budget < 0) break;
            scored++;
            var tv = new TalentView(in row, _talentInts);
            if (Scoring.TryScore(job, tv, today, bound, heap.Threshold, out var f)) heap.Offer(model.Score(f), slot);
        }
        scratch.Scored += scored;
    }

    private MatchResult[] RankJobs(scoped in TalentView talent, string talentId, int top, MatchOptions options, int today, List<string>? localNames)
    {
        var model = options.Model ?? HandWeights.Default;
        var k = options.Reranker is null ? top : Math.Max(top, options.RerankDepth);
        var scratch = QueryScratch.Current;
        scratch.Begin(_jobSlots, k);
        var heap = new TopK(scratch.Heap.AsSpan(0, k));
        var budget = options.MaxCandidates;
        var commonLimit = Math.Max(5_000, _openJobs / 10);
        var textLimit = Math.Max(2_000, _openJobs / 50);

        // Postings of the talent's occupations, then of their minor groups, at the grades the talent meets: no
        // requirement, or one at or below the best grade held in that minor group.
        foreach (var city in talent.Reach)
            foreach (var packed in talent.Occupations)
            {
                var code = PackedOccupation.Code(packed);
                var best = BestGradeInMinor(talent.Occupations, code / 100);
                VisitJobs(PostingKey.Make(city, PostingKey.Occupation, code * 8), talent, model, today, ref heap, ref budget, int.MaxValue);
                if (best != 0)
                    for (var g = best; g <= 5; g++)
                        VisitJobs(PostingKey.Make(city, PostingKey.Occupation, code * 8 + g), talent, model, today, ref heap, ref budget, int.MaxValue);
            }
        foreach (var city in talent.Reach)
            foreach (var packed in talent.Occupations)
            {
                var minor = PackedOccupation.Code(packed) / 100;
                var best = BestGradeInMinor(talent.Occupations, minor);
                VisitJobs(PostingKey.Make(city, PostingKey.Minor, minor * 8), talent, model, today, ref heap, ref budget, int.MaxValue);
                if (best != 0)
                    for (var g = best; g <= 5; g++)
                        VisitJobs(PostingKey.Make(city, PostingKey.Minor, minor * 8 + g), talent, model, today, ref heap, ref budget, int.MaxValue);
            }
        // Postings of other minor groups (found through skills and title words) can only be ungraded ones, and only
        // matter while such a posting could still beat the current top K.
        if (talent.Occupations.Length == 0 || OutsidersMayEnter(model, heap.Threshold))
        {
            foreach (var city in talent.Reach)
                foreach (var s in talent.Skills)
                    if (s >= 0) VisitJobs(PostingKey.Make(city, PostingKey.Skill, s), talent, model, today, ref heap, ref budget, commonLimit);
            foreach (var city in talent.Reach)
                foreach (var b in talent.TitleBigrams)
                    VisitJobs(PostingKey.Make(city, PostingKey.Bigram, b), talent, model, today, ref heap, ref budget, textLimit);
        }
        if (heap.Count < k)
            foreach (var city in talent.Reach)
                foreach (var packed in talent.Occupations)
                    VisitJobs(PostingKey.Make(city, PostingKey.Middle, PackedOccupation.Code(packed) / 10000), talent, model, today, ref heap, ref budget, int.MaxValue);
        if (heap.Count < k)
            foreach (var city in talent.Reach)
                VisitJobs(PostingKey.Make(city, PostingKey.City, 0), talent, model, today, ref heap, ref budget, int.MaxValue);
        return FinishJobs(heap.ToSortedArray(), talent, talentId, top, options, today, localNames);
    }

    private void VisitJobs(ulong key, scoped in TalentView talent, IScoringModel model, int today, ref TopK heap, ref int budget, int maxLength)
    {
        if (budget <= 0 || !_jobPostings.TryGetValue(key, out var list) || list.Count > maxLength) return;
        var scratch = QueryScratch.Current;
        var seen = scratch.Seen;
        var scored = 0;
        var rows = _jobs;
        var bound = model as HandWeights;
        var slots = list.Span;
        for (var i = slots.Length - 1; i >= 0; i--) // latest slots first: a spent budget leaves out the oldest upserts
        {
            var slot = slots[i];
            if (!QueryScratch.FirstVisit(seen, slot)) continue;
            ref readonly var row = ref rows[slot];
            if (!row.Alive || row.ExpiresDay < today) continue;
            if (--budget < 0) break;
            scored++;
            var jv = new JobView(in row, _jobInts, _jobFloats);
            if (Scoring.TryScore(jv, talent, today, bound, heap.Threshold, out var f)) heap.Offer(model.Score(f), slot);
        }
        scratch.Scored += scored;
    }

    /// <summary>Features of the kept slots (recomputed: only K of them), the optional second-stage model, then reasons for the top.</summary>
    private MatchResult[] FinishTalent(Scored[] best, scoped in JobView job, string jobId, int top, MatchOptions options, int today, List<string>? localNames,
        IReadOnlyDictionary<string, string>? writtenSkills)
    {
        var features = new MatchFeatures[best.Length];
        for (var i = 0; i < best.Length; i++)
            Scoring.TryScore(job, new TalentView(in _talent[best[i].Slot], _talentInts), today, out features[i]);
        var order = Rerank(best, features, options, top);
        var results = new MatchResult[order.Length];
        for (var r = 0; r < order.Length; r++)
        {
            var i = order[r];
            var slot = best[i].Slot;
            var reasons = options.WithReasons
                ? Reasons.Build(job, new TalentView(in _talent[slot], _talentInts), features[i], this, localNames, writtenSkills)
                : null;
            results[r] = new MatchResult(jobId, _talentIdBySlot[slot], r + 1, Shown(options, best[i].Score), features[i], reasons);
        }
        return results;
    }

    private MatchResult[] FinishJobs(Scored[] best, scoped in TalentView talent, string talentId, int top, MatchOptions options, int today, List<string>? localNames)
    {
        var features = new MatchFeatures[best.Length];
        for (var i = 0; i < best.Length; i++)
            Scoring.TryScore(new JobView(in _jobs[best[i].Slot], _jobInts, _jobFloats), talent, today, out features[i]);
        var order = Rerank(best, features, options, top);
        var results = new MatchResult[order.Length];
        for (var r = 0; r < order.Length; r++)
        {
            var i = order[r];
            var slot = best[i].Slot;
            var reasons = options.WithReasons
                ? Reasons.Build(new JobView(in _jobs[slot], _jobInts, _jobFloats), talent, features[i], this, localNames, _writtenSkills.GetValueOrDefault(_jobIdBySlot[slot]))
                : null;
            results[r] = new MatchResult(_jobIdBySlot[slot], talentId, r + 1, Shown(options, best[i].Score), features[i], reasons);
        }
        return results;
    }

    /// <summary>A result's score as presented by the model that gave it (the reranker's when there is one).</summary>
    private static float Shown(MatchOptions options, float score) =>
        (options.Reranker ?? options.Model ?? HandWeights.Default).Present(score);

    /// <summary>Indexes into <paramref name="best"/> in final order; re-scored by the reranker when one is given.</summary>
    private static int[] Rerank(Scored[] best, MatchFeatures[] features, MatchOptions options, int top)
    {
        if (options.Reranker is { } reranker)
        {
            for (var i = 0; i < best.Length; i++) best[i].Score = reranker.Score(features[i]);
            var order = Enumerable.Range(0, best.Length).ToArray();
            Array.Sort(order, (a, b) => Scored.Better(best[a], best[b]) ? -1 : Scored.Better(best[b], best[a]) ? 1 : 0);
            return order[..Math.Min(top, order.Length)];
        }
        return Enumerable.Range(0, Math.Min(top, best.Length)).ToArray();
    }

    /// <summary>
    /// Whether a pair outside the minor groups already visited could still score above <paramref name="threshold"/>:
    /// its occupation proximity is at most 0.3 with a grade fit of 0.5 (no grade held in the job's group), or 0 with
    /// any grade fit (a posting without an occupation). Always true for models that are not linear.
    /// </summary>
    private static bool OutsidersMayEnter(IScoringModel model, float threshold)
    {
        if (model is not HandWeights w || float.IsNegativeInfinity(threshold)) return true;
        var occupationAndGrade = Math.Max(Math.Max(0, w.Occupation) * 0.3f + Math.Max(0, w.Grade) * 0.5f, Math.Max(0, w.Grade));
        var upper = occupationAndGrade + Math.Max(0, w.Skills) + Math.Max(0, w.Experience)
            + Math.Max(0, w.Salary) + Math.Max(0, w.JobRecency) + Math.Max(0, w.TalentRecency) + Math.Max(0, w.Text)
            + Math.Max(0, w.Location) + Math.Max(0, w.SkillsStated) + Math.Max(0, w.WorkRecord);
        return upper + 1e-4f >= threshold;
    }

    /// <summary>The job's skill ids, heaviest first: the most telling posting lists are visited before the budget runs out.</summary>
    private static int[] SkillsByWeight(scoped in JobView job)
    {
        var ids = new int[job.Skills.Length];
        var weights = job.Weights.ToArray();
        job.Skills.CopyTo(ids);
        Array.Sort(weights, ids);
        Array.Reverse(ids);
        return ids.Where(id => id >= 0).ToArray();
    }

    /// <summary>
    /// The inner loop alone: hard filters, features and the default model for one job over a run of talent records,
    /// without candidate generation. Returns the sum of scores (for micro-benchmarks).
    /// </summary>
    internal float ScoreRun(string jobId, int start, int count, DateOnly today)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_jobIds.TryGetValue(jobId, out var slot)) return 0;
            var job = new JobView(in _jobs[slot], _jobInts, _jobFloats);
            var model = HandWeights.Default;
            var day = today.DayNumber;
            var sum = 0f;
            var end = Math.Min(_talentSlots, start + count);
            for (var i = start; i < end; i++)
                if (Scoring.TryScore(job, new TalentView(in _talent[i], _talentInts), day, out var f)) sum += model.Score(f);
            return sum;
        }
        finally { _lock.ExitReadLock(); }
    }

    private int Today(MatchOptions options) =>
        (options.Today ?? DateOnly.FromDateTime(_clock.GetLocalNow().DateTime)).DayNumber;

    // For explanations.
    internal TaxonomyLookup Taxonomy => _taxonomy;
    internal Interner SkillNames => _skills;
    internal string CityName(int city) => _taxonomy.RegionName(city);
}
