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

        var killedMidway = await StartAndKillAfterFirstCommitAsync();

        var (profiles, contacts, orphans) = await CountAsync();
        output.WriteLine($"killed mid-import: {killedMidway}; rows committed before the kill: {profiles} of {Rows}");
        Assert.Equal(profiles, contacts);            // a profile never lands without its contact data, or the reverse
        Assert.Equal(0, orphans);
        if (killedMidway) Assert.InRange(profiles, 1, Rows - 1);

        var rerun = await CliProcess.RunAsync(_dir, "import", "--db", "zone.db", "--talent", "talent.jsonl");
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal((Rows, Rows, 0), await CountAsync());
    }

    /// <summary>Starts the import and SIGKILLs it once the first batch is visible in the database.</summary>
    private async Task<bool> StartAndKillAfterFirstCommitAsync()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliProcess.CliDll());
        foreach (var a in new[] { "import", "--db", "zone.db", "--talent", "talent.jsonl" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            if ((await CountAsync()).Profiles > 0) break;
            await Task.Delay(20);
        }
        var killedMidway = !process.HasExited;
        if (killedMidway) process.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
        await process.WaitForExitAsync();
        return killedMidway && (await CountAsync()).Profiles < Rows;
    }

    private async Task<(int Profiles, int Contacts, int Orphans)> CountAsync()
    {
        var path = Path.Combine(_dir, "zone.db");
        if (!File.Exists(path)) return (0, 0, 0);
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        async Task<int> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            try { return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture); }
            catch (SqliteException) { return 0; } // tables not created yet
        }
        return (await Scalar("SELECT COUNT(*) FROM Talent"), await Scalar("SELECT COUNT(*) FROM TalentContacts"),
            await Scalar("SELECT COUNT(*) FROM Talent t WHERE NOT EXISTS (SELECT 1 FROM TalentContacts c WHERE c.TalentId = t.Id)"));
    }
}
