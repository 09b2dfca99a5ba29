namespace Gongjiang.Application.Portal;

/// <summary>
/// The home page as every visitor sees it, kept for a few seconds: a crowd that scans a fair's QR code at once costs
/// the database one build, not one per visitor. A change in the number of open jobs (a posting published, closed or
/// taken down) makes it stale at once; other changes show within <see cref="Freshness"/>.
/// </summary>
public sealed class HomePageCache(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(15);

    private sealed record Entry(GetHomePage.Home Home, DateTimeOffset BuiltAt, int OpenJobs);

    private Entry? _entry;

    /// <param name="openJobs">The open jobs the matching index holds now, or null before it is built.</param>
    public GetHomePage.Home? Get(int? openJobs)
    {
        var entry = Volatile.Read(ref _entry);
        if (entry is null || clock.GetUtcNow() - entry.BuiltAt >= Freshness) return null;
        return openJobs is { } n && n != entry.OpenJobs ? null : entry.Home;
    }

    public void Set(GetHomePage.Home home, int? openJobs) => Volatile.Write(ref _entry, new Entry(home, clock.GetUtcNow(), openJobs ?? -1));
}
