using System.Runtime.CompilerServices;

namespace Gongjiang.Matching.Engine;

internal struct Scored
{
    public float Score;
    public int Slot;

    /// <summary>Higher score first; ties go to the lower slot, so equal scores keep a stable order across queries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Better(in Scored a, in Scored b) => a.Score > b.Score || (a.Score == b.Score && a.Slot < b.Slot);
}

/// <summary>The best K of a stream, as a min-heap with the worst kept at the root.</summary>
internal ref struct TopK
{
    private readonly Span<Scored> _heap;
    private int _count;

    public TopK(Span<Scored> buffer)
    {
        _heap = buffer;
        _count = 0;
    }

    public readonly int Count => _count;

    /// <summary>The score a new item must beat once the heap is full; −∞ before.</summary>
    public readonly float Threshold => _count < _heap.Length || _heap.Length == 0 ? float.NegativeInfinity : _heap[0].Score;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Offer(float score, int slot)
    {
        var item = new Scored { Score = score, Slot = slot };
        if (_count < _heap.Length)
        {
            var i = _count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!Scored.Better(_heap[parent], item)) break;
                _heap[i] = _heap[parent];
                i = parent;
            }
            _heap[i] = item;
        }
        else if (_heap.Length > 0 && Scored.Better(item, _heap[0]))
        {
            SiftDown(item);
        }
    }

    private void SiftDown(Scored item)
    {
        var i = 0;
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= _count) break;
            var worst = left;
            var right = left + 1;
            if (right < _count && Scored.Better(_heap[left], _heap[right])) worst = right;
            if (!Scored.Better(item, _heap[worst])) break;
            _heap[i] = _heap[worst];
            i = worst;
        }
        _heap[i] = item;
    }

    /// <summary>The kept items, best first.</summary>
    public readonly Scored[] ToSortedArray()
    {
        var items = _heap[.._count].ToArray();
        Array.Sort(items, static (a, b) => Scored.Better(a, b) ? -1 : Scored.Better(b, a) ? 1 : 0);
        return items;
    }
}

/// <summary>Per-thread query scratch: a "seen in this query" bit per slot and the heap buffer, reused across queries.</summary>
internal sealed class QueryScratch
{
    [ThreadStatic] private static QueryScratch? t_current;

    // One bit per slot: a million records take 128 KB, which stays in cache, and clearing it costs microseconds.
    public ulong[] Seen = [];
    public Scored[] Heap = new Scored[256];
    /// <summary>Candidates scored on this thread so far (a diagnostic for benchmarks).</summary>
    public long Scored;

    public static QueryScratch Current => t_current ??= new QueryScratch();

    /// <summary>Starts a query over <paramref name="slots"/> records with a top-<paramref name="k"/> heap.</summary>
    public void Begin(int slots, int k)
    {
        var words = (slots + 63) >> 6;
        if (Seen.Length < words) Seen = new ulong[Math.Max(words, Seen.Length * 2)];
        else Array.Clear(Seen, 0, words);
        if (Heap.Length < k) Heap = new Scored[k];
    }

    /// <summary>Marks a slot seen; false when it already was.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool FirstVisit(ulong[] seen, int slot)
    {
        ref var word = ref seen[slot >> 6];
        var bit = 1UL << slot;
        if ((word & bit) != 0) return false;
        word |= bit;
        return true;
    }
}
