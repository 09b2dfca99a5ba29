using System.Globalization;
using Gongjiang.Matching.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Matching;

/// <summary>
/// The engine's features of a (job, talent) pair as they were when the pair was first shown to a person (推荐人才 or
/// 为你推荐). The learned ranker trains on these rather than on today's job and profile, so an edit made after the
/// showing (a profile completed after a hire, say) cannot leak into what it learns.
/// </summary>
public sealed class PairSnapshot
{
    public long Id { get; set; }
    public string JobId { get; set; } = "";
    public string TalentId { get; set; } = "";
    public DateTime ShownAt { get; set; }
    /// <summary>The features in <see cref="MatchFeatures.Names"/> order, comma-separated (invariant culture).</summary>
    public string Features { get; set; } = "";

    public static string Format(in MatchFeatures features) =>
        string.Join(',', features.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>Features stored before the work record was one of them: the ones before it.</summary>
    private const int CountBeforeWorkRecord = 10;

    /// <summary>
    /// The stored features, or null when the text is not <see cref="MatchFeatures.Count"/> numbers. A snapshot kept before
    /// the work record was a feature reads with the work record unknown (0.5, as for a résumé that says nothing), never
    /// with today's résumé, which was not what was shown.
    /// </summary>
    public static MatchFeatures? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',');
        if (parts.Length != MatchFeatures.Count && parts.Length != CountBeforeWorkRecord) return null;
        var values = new float[MatchFeatures.Count];
        values[MatchFeatures.Count - 1] = 0.5f;
        for (var i = 0; i < parts.Length; i++)
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return null;
        var f = new MatchFeatures();
        values.CopyTo(System.Runtime.InteropServices.MemoryMarshal.Cast<MatchFeatures, float>(new Span<MatchFeatures>(ref f)));
        return f;
    }
}

internal sealed class PairSnapshotConfiguration : IEntityTypeConfiguration<PairSnapshot>
{
    public void Configure(EntityTypeBuilder<PairSnapshot> b)
    {
        b.ToTable("PairSnapshots");
        b.HasKey(s => s.Id);
        b.Property(s => s.JobId).HasMaxLength(40);
        b.Property(s => s.TalentId).HasMaxLength(40);
        b.Property(s => s.Features).HasMaxLength(400);
        b.HasIndex(s => new { s.JobId, s.TalentId }).IsUnique();
    }
}
