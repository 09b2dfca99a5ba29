using System.Text.RegularExpressions;

namespace Gongjiang.Cli.Tests;

/// <summary>
/// <c>demo live</c> on an empty database: the demo zone is created, then a finished room of seed 000's size is replayed through
/// the use cases; its statistics (read as its host reads them) hold the seed's totals and the last line is the room's id.
/// </summary>
public sealed class DemoLiveCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-demo-live-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Demo_live_builds_a_finished_room_of_seed_000s_size_and_prints_its_id_last()
    {
        var run = await CliProcess.RunAsync(TimeSpan.FromMinutes(15), _dir, ["demo", "live", "--db", Path.Combine(_dir, "zone.db"), "--seed", "7"]);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches("^L[0-9A-Z]{16}$", lines[^1]);
        var figures = Regex.Matches(lines.Single(l => l.StartsWith("statistics:", StringComparison.Ordinal)), @"(\w+)=([\d.]+)")
            .ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(13_000, figures["unique_viewers"]);
        Assert.InRange(figures["applications"], 450, 490);
        Assert.InRange(figures["mic_links"], 65, 70);
        Assert.InRange(figures["peak_viewers"], 1_000, 13_000);
        Assert.True(figures["questions"] > 100 && figures["answers"] > 50 && figures["invitations"] > 0 && figures["offers"] > 0, string.Join(", ", figures));
        Assert.True(figures["mic_minutes"] > 30, "mic links were not timed");
    }
}
