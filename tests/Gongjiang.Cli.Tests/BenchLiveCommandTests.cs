using System.Text.Json;

namespace Gongjiang.Cli.Tests;

/// <summary>
/// <c>bench live</c> with a small audience: one node, then two nodes over the same database and the test Redis
/// (GONGJIANG_TEST_REDIS). Every announcement reaches every viewer, on both nodes; live.json has the contract's fields.
/// </summary>
public sealed class BenchLiveCommandTests : IDisposable
{
    private static readonly string[] ContractFields =
        ["viewers", "nodes", "rate", "seconds", "connected", "connect_s", "sent", "expected", "delivered", "lost", "p50_ms", "p99_ms", "max_ms", "server_rss_mb"];

    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-bench-live-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Redis => Environment.GetEnvironmentVariable("GONGJIANG_TEST_REDIS") is { Length: > 0 } redis
        ? redis : throw new InvalidOperationException("GONGJIANG_TEST_REDIS is not set: scripts/test.sh starts a Redis server and sets it");

    private async Task<JsonElement> BenchAsync(params string[] extra)
    {
        var run = await CliProcess.RunAsync(TimeSpan.FromMinutes(15), _dir,
            ["bench", "live", "--viewers", "20", "--seconds", "3", "--rate", "2", "--db", Path.Combine(_dir, "live.db"), "--json", "live.json", .. extra]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "live.json"))).RootElement;
        Assert.Equal(ContractFields, report.EnumerateObject().Select(p => p.Name).Take(ContractFields.Length));
        Assert.Equal(JsonDocument.Parse(run.Stdout).RootElement.GetRawText(), report.GetRawText());
        Assert.Equal((20, 20, 2), (report.GetProperty("viewers").GetInt32(), report.GetProperty("connected").GetInt32(), report.GetProperty("rate").GetInt32()));
        Assert.True(report.GetProperty("sent").GetInt32() > 0, "nothing was announced");
        Assert.Equal(report.GetProperty("sent").GetInt64() * 20, report.GetProperty("expected").GetInt64());
        Assert.Equal(report.GetProperty("expected").GetInt64(), report.GetProperty("delivered").GetInt64());
        Assert.Equal(0, report.GetProperty("lost").GetInt64());
        Assert.True(report.GetProperty("server_rss_mb").GetDouble() > 0, "the nodes' memory was not measured");
        return report;
    }

    [Fact]
    public async Task Every_announcement_reaches_every_viewer_on_one_node_and_on_two_nodes_behind_redis()
    {
        var one = await BenchAsync("--nodes", "1");
        Assert.Equal(1, one.GetProperty("nodes").GetInt32());
        var two = await BenchAsync("--nodes", "2", "--redis", Redis, "--messagepack");
        Assert.Equal((2, "messagepack"), (two.GetProperty("nodes").GetInt32(), two.GetProperty("protocol").GetString()));
    }

    [Fact]
    public async Task Bad_options_are_refused_with_the_option_and_the_reason()
    {
        var run = await CliProcess.RunAsync(_dir, "bench", "live", "--viewers", "0");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--viewers: must be 1 to 50000 (was 0)", run.Stderr, StringComparison.Ordinal);
        run = await CliProcess.RunAsync(_dir, "bench", "live", "--nodes", "3");
        Assert.Contains("--nodes: must be 1 or 2 (was 3)", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "live.json")));
    }
}
