using System.Text;

namespace Gongjiang.Cli.Tests;

public sealed class KeysAndRetentionCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string RawDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = new List<byte>(File.ReadAllBytes(Path.Combine(_dir, "zone.db")));
        var wal = Path.Combine(_dir, "zone.db-wal");
        if (File.Exists(wal)) bytes.AddRange(File.ReadAllBytes(wal));
        return Encoding.Latin1.GetString(bytes.ToArray());
    }

    [Fact]
    public async Task Imported_phones_are_never_stored_in_clear_and_keys_rotate_keeps_them_readable()
    {
        var lines = Enumerable.Range(0, 40).Select(i => $$"""{"id":"T{{i:D3}}","name":"测试{{i}}","phone":"1365432{{i:D4}}","city":"370211"}""");
        File.WriteAllText(Path.Combine(_dir, "talent.jsonl"), string.Join("\n", lines) + "\n");
        var imported = await CliProcess.RunAsync(_dir, "import", "--db", "zone.db", "--talent", "talent.jsonl");
        Assert.Equal(0, imported.ExitCode);
        Assert.DoesNotContain("13654320007", RawDatabase());
        var keyFile = Path.Combine(_dir, "zone.db.keys");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

        var rotated = await CliProcess.RunAsync(_dir, "keys", "rotate", "--db", "zone.db", "--batch", "15");
        Assert.Equal(0, rotated.ExitCode);
        Assert.Contains("key 2 is current", rotated.Stdout);
        Assert.Contains("40 contact rows re-encrypted", rotated.Stdout);
        var status = await CliProcess.RunAsync(_dir, "keys", "status", "--db", "zone.db");
        Assert.Contains("keys: 1, 2; current: 2", status.Stdout);
        Assert.DoesNotContain("13654320007", RawDatabase());

        var exported = await CliProcess.RunAsync(_dir, "export", "--db", "zone.db", "--talent", "out.jsonl");
        Assert.Equal(0, exported.ExitCode);
        Assert.Contains("\"phone\":\"13654320007\"", File.ReadAllText(Path.Combine(_dir, "out.jsonl")));

        var retention = await CliProcess.RunAsync(_dir, "retention", "run", "--db", "zone.db", "--inactive-years", "2");
        Assert.Equal(0, retention.ExitCode);
        Assert.Contains("0 seeker accounts erased", retention.Stdout);
        var bad = await CliProcess.RunAsync(_dir, "retention", "run", "--db", "zone.db", "--inactive-years", "0");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--inactive-years", bad.Stderr);
    }
}
