namespace Gongjiang.Matching.Engine;

/// <summary>
/// The job side of the index: records by slot, their ids, the pools of their variable-length data, the posting lists
/// and the waste counts. The engine queries and writes one; a background compaction builds another apart, places the
/// records edited meanwhile into it, and swaps it in whole.
/// </summary>
internal sealed class JobSide
{
    public JobRow[] Rows = new JobRow[16];
    public string[] Ids = new string[16];
    public int Slots;
    public Dictionary<string, int> Index = new(StringComparer.Ordinal);
    public Pool<int> Ints = new();
    public Pool<float> Floats = new();
    public Dictionary<ulong, Posting> Postings = [];
    public int Live;
    public WasteBook Waste;
}

/// <summary>The talent side of the index, laid out as <see cref="JobSide"/> (its pool holds ints only).</summary>
internal sealed class TalentSide
{
    public TalentRow[] Rows = new TalentRow[16];
    public string[] Ids = new string[16];
    public int Slots;
    public Dictionary<string, int> Index = new(StringComparer.Ordinal);
    public Pool<int> Ints = new();
    public Dictionary<ulong, Posting> Postings = [];
    public int Live;
    public WasteBook Waste;
}

/// <summary>Lists reused by one writer while it places records: the keys of a record, and those of its earlier version.</summary>
internal sealed class KeyScratch
{
    public readonly List<ulong> Keys = [];
    public readonly HashSet<ulong> Old = [];
}
