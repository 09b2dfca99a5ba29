using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Gongjiang.Cli.Tests.ServerTestSql;

namespace Gongjiang.Cli.Tests;

/// <summary>
/// kill -9 of <c>gongjiang serve</c> while it writes the demo zone (its import at first start) and while employers
/// move applications through stages; after a restart nothing acknowledged is lost and nothing half-written appears:
/// every talent has its contact row, and every application's stage agrees with its last history row.
/// </summary>
public sealed class ServerCrashTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const string DemoPassword = "Gongjiang2026"; // DemoAccounts.Password
    private const int Jobs = 24;
    private const int Workers = 4;
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(6);
    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-server-crash-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Sqlite_survives_kill_9_of_the_server_during_the_import_and_during_stage_changes()
    {
        var path = Path.Combine(_dir, "zone.db");
        await SurvivesAsync(path, () => new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"));
    }

    [Fact]
    public async Task Postgres_survives_kill_9_of_the_server_during_the_import_and_during_stage_changes()
    {
        var server = Environment.GetEnvironmentVariable("GONGJIANG_TEST_PG")
            ?? throw new InvalidOperationException("PostgreSQL tests need GONGJIANG_TEST_PG (a connection string).");
        var name = "gj_crash_" + Guid.NewGuid().ToString("N")[..12];
        await OnServerAsync(server, $"CREATE DATABASE {name}");
        try
        {
            var db = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
            await SurvivesAsync(db, () => new NpgsqlConnection(db));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await OnServerAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private async Task SurvivesAsync(string db, Func<DbConnection> connect)
    {
        // 1. The first start writes the demo zone in one transaction: killed after its employers and jobs were written and
        //    before its last write (the outcomes, just before the commit), nothing of it may remain.
        bool jobsWritten, lastWriteDone;
        await using (var first = ServerProcess.Start(_dir, db))
        {
            jobsWritten = await first.WaitForOutputAsync("Demo jobs written", StartLimit);
            await first.KillAsync();
            lastWriteDone = first.Output.Contains("Demo outcomes written", StringComparison.Ordinal);
            if (!jobsWritten) output.WriteLine("the demo zone was not reached before the time limit:\n" + first.Output);
        }
        Assert.True(jobsWritten, "the server never reported writing the demo zone's jobs");
        Assert.False(lastWriteDone, "the kill landed after the demo zone's last write, not in the middle of its transaction");
        var afterKill = await CountsAsync(connect);
        output.WriteLine($"after kill -9 during the import: {afterKill}");
        // Employers and jobs were written inside the transaction: none of it is visible, and neither is anything else.
        Assert.Equal(new Counts(0, 0, 0, 0), afterKill);
        Assert.Equal(0, await ScalarAsync(connect, """SELECT COUNT(*) FROM "Jobs" """));

        // 2. A restart writes the whole demo zone.
        Counts seeded;
        await using (var second = ServerProcess.Start(_dir, db))
        {
            await second.WaitUntilReadyAsync(StartLimit);
            seeded = await CountsAsync(connect);
            output.WriteLine($"after restart: {seeded}");
            Assert.True(seeded.Employers > 0 && seeded.Talent > 0);
            Assert.Equal(seeded.Talent, seeded.Contacts);
            Assert.Equal(0, seeded.TalentWithoutContact);

            // 3. Stage changes in flight when the server is killed.
            var (applications, acknowledged) = await KillDuringStageChangesAsync(second);
            var (mismatched, withoutHistory) = await StageAgreementAsync(connect);
            output.WriteLine($"acknowledged stage changes before kill -9: {acknowledged.Count} over {applications.Count} applications");
            Assert.Equal(0, mismatched);
            Assert.Equal(0, withoutHistory);
            var history = await HistoryAsync(connect);
            foreach (var (application, to) in acknowledged)
                Assert.Contains((application, to), history);
        }

        // 4. After another restart the platform answers with the same, consistent state.
        await using (var third = ServerProcess.Start(_dir, db))
        {
            await third.WaitUntilReadyAsync(StartLimit);
            Assert.Equal(seeded, await CountsAsync(connect));
            var (mismatched, withoutHistory) = await StageAgreementAsync(connect);
            Assert.Equal((0, 0), (mismatched, withoutHistory));
            var hr = await third.SignInAsync("hr", DemoPassword);
            foreach (var (application, to) in (await HistoryAsync(connect)).Where(h => h.To != "Applied").Take(10))
            {
                var response = await hr.GetAsync($"/api/v1/applications/{application}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }

    /// <summary>hr opens jobs, the seeker applies to each, then workers move the applications while the server is killed.</summary>
    private static async Task<(List<string> Applications, ConcurrentBag<(string Application, string To)> Acknowledged)> KillDuringStageChangesAsync(
        ServerProcess server)
    {
        var hr = await server.SignInAsync("hr", DemoPassword);
        var seeker = await server.SignInAsync("seeker", DemoPassword);
        var applications = new List<string>();
        for (var i = 0; i < Jobs; i++)
        {
            var job = await JsonAsync(await hr.PostAsync("/api/v1/jobs", new StringContent(
                $$"""{"title":"数控车工{{i}}","occupation_code":"6-18-01-01","min_grade":4,"city":"370211","salary":{"min":7000,"max":10000},"headcount":3,"expires_at":"2027-06-30","description":"操作数控车床加工轴类零件。"}""",
                Encoding.UTF8, "application/json")));
            var jobId = job.GetProperty("id").GetString()!;
            await JsonAsync(await hr.PostAsync($"/api/v1/jobs/{jobId}/publish", null));
            applications.Add((await JsonAsync(await seeker.PostAsync($"/api/v1/jobs/{jobId}/applications", null))).GetProperty("id").GetString()!);
        }

        var acknowledged = new ConcurrentBag<(string, string)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        // Each worker moves its own applications applied → screening → interview, one request at a time.
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            foreach (var application in applications.Where((_, i) => i % Workers == w))
            foreach (var (stage, to) in new[] { ("screening", "Screening"), ("interview", "Interview") })
            {
                if (stop.IsCancellationRequested) return;
                try
                {
                    var response = await hr.PostAsync($"/api/v1/applications/{application}/stage",
                        new StringContent($$"""{"to":"{{stage}}"}""", Encoding.UTF8, "application/json"), stop.Token);
                    if (response.StatusCode == HttpStatusCode.OK) acknowledged.Add((application, to));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // the server is gone
                }
            }
        })).ToArray();

        var target = applications.Count; // about half of the 2 × applications moves
        for (var i = 0; i < 6000 && acknowledged.Count < target && !workers.All(t => t.IsCompleted); i++) await Task.Delay(5);
        await server.KillAsync();
        await Task.WhenAll(workers);
        Assert.InRange(acknowledged.Count, 1, 2 * applications.Count);
        return (applications, acknowledged);
    }

    private sealed record Counts(long Employers, long Talent, long Contacts, long TalentWithoutContact);

    private static async Task<Counts> CountsAsync(Func<DbConnection> connect) => new(
        await ScalarAsync(connect, """SELECT COUNT(*) FROM "Employers" """),
        await ScalarAsync(connect, """SELECT COUNT(*) FROM "Talent" """),
        await ScalarAsync(connect, """SELECT COUNT(*) FROM "TalentContacts" """),
        await ScalarAsync(connect, """SELECT COUNT(*) FROM "Talent" t WHERE NOT EXISTS (SELECT 1 FROM "TalentContacts" c WHERE c."TalentId" = t."Id")"""));

    /// <summary>Applications whose stage differs from their last history row, and applications without history.</summary>
    private static async Task<(long Mismatched, long WithoutHistory)> StageAgreementAsync(Func<DbConnection> connect) => (
        await ScalarAsync(connect, """
            SELECT COUNT(*) FROM "Applications" a
            WHERE a."Stage" <> (SELECT h."To" FROM "ApplicationStageChanges" h WHERE h."ApplicationId" = a."Id" ORDER BY h."Id" DESC LIMIT 1)
            """),
        await ScalarAsync(connect, """
            SELECT COUNT(*) FROM "Applications" a WHERE NOT EXISTS (SELECT 1 FROM "ApplicationStageChanges" h WHERE h."ApplicationId" = a."Id")
            """));

    private static async Task<HashSet<(string Application, string To)>> HistoryAsync(Func<DbConnection> connect)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "ApplicationId", "To" FROM "ApplicationStageChanges" """;
        var rows = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}
