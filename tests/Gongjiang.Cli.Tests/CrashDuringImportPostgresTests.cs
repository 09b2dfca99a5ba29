using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Gongjiang.Cli.Tests;

/// <summary>kill -9 in the middle of an import into PostgreSQL: committed batches stay whole, and a rerun completes.</summary>
public sealed class CrashDuringImportPostgresTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rows = 6_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-crash-pg-").FullName;
    private readonly string _name = "gj_crash_import_" + Guid.NewGuid().ToString("N")[..12];
    private string _server = "";
    private string _db = "";

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("GONGJIANG_TEST_PG")
            ?? throw new InvalidOperationException("PostgreSQL tests need GONGJIANG_TEST_PG (a connection string).");
        _db = new NpgsqlConnectionStringBuilder(_server) { Database = _name, Pooling = false }.ConnectionString;
        await OnServerAsync($"CREATE DATABASE {_name}");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Killing_an_import_into_postgres_keeps_whole_rows_only_and_a_rerun_completes_it()
    {
        var talent = new StringBuilder();
        for (var i = 1; i <= Rows; i++)
            talent.Append("{\"id\":\"T").Append(i.ToString("D5", CultureInfo.InvariantCulture)).Append("\",\"name\":\"王师傅").Append(i)
                .Append("\",\"phone\":\"139").Append(i.ToString("D8", CultureInfo.InvariantCulture))
                .Append("\",\"city\":\"370211\",\"occupations\":[{\"code\":\"6-18-01-01\",\"grade\":4,\"certified\":true}],")
                .Append("\"skills\":[\"数控车床编程\"],\"experience_years\":5,\"resume_text\":\"").Append(new string('车', 400)).Append("\"}\n");
        await File.WriteAllTextAsync(Path.Combine(_dir, "talent.jsonl"), talent.ToString());
        Assert.Equal(0, (await CliProcess.RunAsync(_dir, "db", "migrate", "--db", _db)).ExitCode);

        var (attempt, profiles, contacts, orphans) = await KillMidImportAsync();
        output.WriteLine($"killed mid-import on attempt {attempt}; rows committed before the kill: {profiles} of {Rows}");
        Assert.Equal(profiles, contacts);            // a profile never lands without its contact data, or the reverse
        Assert.Equal(0, orphans);
        Assert.InRange(profiles, 1, Rows - 1);

        var rerun = await CliProcess.RunAsync(_dir, "import", "--db", _db, "--talent", "talent.jsonl");
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
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        await OnServerAsync($"CREATE DATABASE {_name}");
                Assert.Equal(0, (await CliProcess.RunAsync(_dir, "db", "migrate", "--db", _db)).ExitCode);
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
        foreach (var a in new[] { CliProcess.CliDll(), "import", "--db", _db, "--talent", "talent.jsonl" }) start.ArgumentList.Add(a);
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
        await using var connection = new NpgsqlConnection(_db);
        await connection.OpenAsync();
        async Task<int> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        return (await Scalar("""SELECT COUNT(*) FROM "Talent" """), await Scalar("""SELECT COUNT(*) FROM "TalentContacts" """),
            await Scalar("""SELECT COUNT(*) FROM "Talent" t WHERE NOT EXISTS (SELECT 1 FROM "TalentContacts" c WHERE c."TalentId" = t."Id")"""));
    }

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
