using System.Runtime.CompilerServices;

namespace Gongjiang.Matching.Engine;

// The engine's own compact records. They hold only what matching may use: no names, contact data, gender or
// birth year, nor anything derived from them. Variable-length parts live in shared pools as (start, length)
// slices, so a million profiles are a few large arrays rather than millions of small objects.

internal readonly record struct Slice(int Start, int Length)
{
    public static readonly Slice Empty = new(0, 0);

    /// <summary>The values in <paramref name="data"/>, the array of a pool (or a copy of it taken earlier).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<T> Of<T>(T[] data) => new(data, Start, Length);
}

/// <summary>
/// An append-only array of values shared by many records; edits append and leave the old slice unused. Values below
/// <see cref="Count"/> never change, and growing replaces <see cref="Data"/> by a larger copy, so an array taken from
/// <see cref="Data"/> earlier can be read without a lock while writers go on appending.
/// </summary>
internal sealed class Pool<T>(int capacity = 1024) where T : unmanaged
{
    public T[] Data = new T[Math.Max(1, capacity)];
    public int Count;

    public Slice Append(ReadOnlySpan<T> values)
    {
        if (values.Length == 0) return Slice.Empty;
        if (Count + values.Length > Data.Length)
            Array.Resize(ref Data, Math.Max(Data.Length * 2, Count + values.Length));
        values.CopyTo(Data.AsSpan(Count));
        var slice = new Slice(Count, values.Length);
        Count += values.Length;
        return slice;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<T> Get(Slice s) => new(Data, s.Start, s.Length);
}

/// <summary>Strings to dense int ids (skills, certificates).</summary>
internal sealed class Interner
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    public int GetOrAdd(string name)
    {
        if (_ids.TryGetValue(name, out var id)) return id;
        id = _names.Count;
        _ids.Add(name, id);
        _names.Add(name);
        return id;
    }

    public int Find(string name) => _ids.TryGetValue(name, out var id) ? id : -1;

    public string Name(int id) => _names[id];
}

/// <summary>
/// Occupation codes as ints: 6-18-02-04 → 6180204, so the minor group is code / 100, the middle group
/// code / 10000 and the major group code / 1000000.
/// </summary>
internal static class OccupationInt
{
    public static int Parse(string? code)
    {
        if (code is not { Length: 10 } || code[1] != '-' || code[4] != '-' || code[7] != '-') return 0;
        var v = 0;
        foreach (var c in code)
        {
            if (c == '-') continue;
            if (c is < '0' or > '9') return 0;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public static string Format(int code) =>
        $"{code / 1000000}-{code / 10000 % 100:00}-{code / 100 % 100:00}-{code % 100:00}";

    /// <summary>Levels shared, as <c>OccupationCode.SharedLevels</c>: 4 same code, 3 minor, 2 middle, 1 major, 0 none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SharedLevels(int a, int b)
    {
        if (a == 0 || b == 0) return 0;
        if (a == b) return 4;
        if (a / 100 == b / 100) return 3;
        if (a / 10000 == b / 10000) return 2;
        return a / 1000000 == b / 1000000 ? 1 : 0;
    }
}

/// <summary>
/// Talent occupations packed as one int: code * 8 + grade, where grade is 1…5, 0 for none, and
/// <see cref="Desired"/> for an occupation recognised from a desired title (wanted, not held).
/// </summary>
internal static class PackedOccupation
{
    public const int Desired = 7;
    public static int Pack(int code, int grade) => code * 8 + grade;
    public static int Code(int packed) => packed >> 3;
    public static int Grade(int packed) => packed & 7;
}

internal struct TalentRow
{
    public int Region;          // the 6-digit division the talent lives in
    public int City;            // its prefecture-level city
    public Slice Reach;         // prefecture cities the talent accepts, sorted (home city included)
    public Slice Occupations;   // PackedOccupation values
    public Slice Skills;        // skill ids, sorted distinct
    public Slice Certificates;  // certificate ids, sorted distinct
    public Slice Bigrams;       // text bigrams, sorted distinct
    public Slice TitleBigrams;  // bigrams of the desired titles only (posting keys), sorted distinct
    public float ExperienceYears;
    public int SalaryMin;       // 0 = not stated
    public int SalaryMax;
    public int UpdatedDay;      // DateOnly.DayNumber, 0 = unknown
    public byte Education;      // EducationLevel, 0 = unknown
    public float WorkRecord;    // WorkRecordSignals.Of the résumé
    public bool Alive;
}

internal struct JobRow
{
    public int Region;
    public int City;
    public int Occupation;      // OccupationInt, 0 = unknown
    public Slice Skills;        // skill ids, sorted distinct
    public Slice SkillWeights;  // parallel to Skills, summing to 1
    public Slice Certificates;  // required certificate ids, sorted distinct
    public Slice Bigrams;
    public Slice TitleBigrams;  // bigrams of the title only (posting keys), sorted distinct
    public float ExperienceMin;
    public int SalaryMin;
    public int SalaryMax;
    public int PostedDay;
    public int ExpiresDay;      // int.MaxValue = no expiry
    public int Headcount;
    public byte MinGrade;       // 1…5, 0 = none
    public byte EducationMin;   // EducationLevel, 0 = none
    public bool SkillsFromStandard;
    public bool Alive;          // open (status) — expiry is checked against the query's day
}

/// <summary>A job as the scoring loop sees it: the record and its pooled parts.</summary>
internal readonly ref struct JobView
{
    public readonly ref readonly JobRow Row;
    public readonly ReadOnlySpan<int> Skills;
    public readonly ReadOnlySpan<float> Weights;
    public readonly ReadOnlySpan<int> Certificates;
    public readonly ReadOnlySpan<int> Bigrams;
    public readonly ReadOnlySpan<int> TitleBigrams;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public JobView(ref readonly JobRow row, Pool<int> ints, Pool<float> floats)
    {
        Row = ref row;
        Skills = ints.Get(row.Skills);
        Weights = floats.Get(row.SkillWeights);
        Certificates = ints.Get(row.Certificates);
        Bigrams = ints.Get(row.Bigrams);
        TitleBigrams = ints.Get(row.TitleBigrams);
    }
}

internal readonly ref struct TalentView
{
    public readonly ref readonly TalentRow Row;
    public readonly ReadOnlySpan<int> Reach;
    public readonly ReadOnlySpan<int> Occupations;
    public readonly ReadOnlySpan<int> Skills;
    public readonly ReadOnlySpan<int> Certificates;
    public readonly ReadOnlySpan<int> Bigrams;
    public readonly ReadOnlySpan<int> TitleBigrams;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TalentView(ref readonly TalentRow row, Pool<int> ints)
    {
        Row = ref row;
        Reach = ints.Get(row.Reach);
        Occupations = ints.Get(row.Occupations);
        Skills = ints.Get(row.Skills);
        Certificates = ints.Get(row.Certificates);
        Bigrams = ints.Get(row.Bigrams);
        TitleBigrams = ints.Get(row.TitleBigrams);
    }
}

/// <summary>Posting-list keys: (prefecture city, kind, value) in one ulong.</summary>
internal static class PostingKey
{
    public const int City = 0, Minor = 1, Middle = 2, Skill = 3, Bigram = 4, Occupation = 5;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Make(int city, int kind, int value) =>
        ((ulong)(uint)city << 40) | ((ulong)(uint)kind << 36) | (uint)value;
}

/// <summary>A growable list of record slots.</summary>
internal sealed class Posting
{
    public int[] Items = new int[4];
    public int Count;

    public void Add(int slot)
    {
        if (Count == Items.Length) Array.Resize(ref Items, Math.Max(4, Items.Length * 2));
        Items[Count++] = slot;
    }

    /// <summary>Gives back the unused capacity (after a compaction has filled the list).</summary>
    public void Trim()
    {
        if (Items.Length > Count) Array.Resize(ref Items, Count);
    }

    public ReadOnlySpan<int> Span => new(Items, 0, Count);
}
