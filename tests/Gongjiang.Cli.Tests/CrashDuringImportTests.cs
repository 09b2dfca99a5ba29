using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Gongjiang.Cli.Tests;

/// <summary>kill -9 in the middle of an import: what was committed stays, nothing half-written appears, and a rerun completes.</summary>
public sealed class CrashDuringImportTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int Rows = 6_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-crash-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Killing_an_import_keeps_whole_rows_only_and_a_rerun_completes_it()
    {
        var talent = new StringBuilder();
        for (var i = 1; i <= Rows; i++)
            talent.Append("{\"id\":\"T").Append(i.ToString("D5", CultureInfo.InvariantCulture)).Append("\",\"name\":\"王师傅").Append(i)
                .Append("\",\"phone\":\"139").Append(i.ToString("D8", CultureInfo.InvariantCulture))
                .Append("\",\"city\":\"370211\",\"occupations\":[{\"code\":\"6-18-01-01\",\"grade\":4,\"certified\":true}],")
                .Append("\"skills\":[\"数控车床编程\"],\"experience_years\":5,\"resume_text\":\"").Append(new string('车', 400)).Append("\"}\n");
        await File.WriteAllTextAsync(Path.Combine(_dir, "talent.jsonl"), talent.ToString());
        // The schema first, so the import below spends its time on rows.
        Assert.Equal(0, (await CliProcess.RunAsync(_dir, "db", "migrate", "--db", "zone.db")).ExitCode);

        var (attempt, profiles, contacts, orphans) = await KillMidImportAsync();
        output.WriteLine($"killed mid-import on attempt {attempt}; rows committed before the kill: {profiles} of {Rows}");
        Assert.Equal(profiles, contacts);            // a profile never lands without its contact data, or the reverse
        Assert.Equal(0, orphans);
        Assert.InRange(profiles, 1, Rows - 1);

        var rerun = await CliProcess.RunAsync(_dir, "import", "--db", "zone.db", "--talent", "talent.jsonl");
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal((Rows, Rows, 0), await CountAsync());
    }

    /// <summary>
    /// Starts the import and SIGKILLs it once the first batch is visible in the database, until a kill lands between the
    /// first and the last commit: a run that finished (or had committed nothing) before the kill starts again on a fresh
    /// database and is killed earlier (polling more often), and after {MaxAttempts} attempts the test fails instead of passing.
    /// </summary>
    private async Task<(int Attempt, int Profiles, int Contacts, int Orphans)> KillMidImportAsync()
    {
        int[] pollMilliseconds = [20, 5, 1];
        for (var attempt = 1; attempt <= pollMilliseconds.Length; attempt++)
        {
            if (attempt > 1)
            {
        File.Delete(Path.Combine(_dir, "zone.db"));
        File.Delete(Path.Combine(_dir, "zone.db-wal"));
        File.Delete(Path.Combine(_dir, "zone.db-shm"));
        SqliteConnection.ClearAllPools();
                Assert.Equal(0, (await CliProcess.RunAsync(_dir, "db", "migrate", "--db", "zone.db")).ExitCode);
            }
            await StartAndKillAfterFirstCommitAsync(TimeSpan.FromMilliseconds(pollMilliseconds[attempt - 1]));
            var (profiles, contacts, orphans) = await CountAsync();
            if (profiles is > 0 and < Rows) return (attempt, profiles, contacts, orphans);
            output.WriteLine($"attempt {attempt}: the kill did not land mid-import ({profiles} of {Rows} rows committed); again, killed earlier");
        }
        Assert.Fail($"no kill landed between the first and the last commit of the import in {pollMilliseconds.Length} attempts");
        return default;
    }

    private async Task StartAndKillAfterFirstCommitAsync(TimeSpan poll)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { CliProcess.CliDll(), "import", "--db", "zone.db", "--talent", "talent.jsonl" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            if ((await CountAsync()).Profiles > 0) break;
            await Task.Delay(poll);
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
        await process.WaitForExitAsync();
    }

    private async Task<(int Profiles, int Contacts, int Orphans)> CountAsync()
    {
        var path = Path.Combine(_dir, "zone.db");
        Assert.True(File.Exists(path), "the database was migrated before the import");
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        async Task<int> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            // A locked or damaged database fails the test: the schema is there before the import starts.
            return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        return (await Scalar("SELECT COUNT(*) FROM Talent"), await Scalar("SELECT COUNT(*) FROM TalentContacts"),
            await Scalar("SELECT COUNT(*) FROM Talent t WHERE NOT EXISTS (SELECT 1 FROM TalentContacts c WHERE c.TalentId = t.Id)"));
    }
}
