using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongjiang.Cli.Tests;

/// <summary><c>db backup</c> and <c>db restore</c>: a change made after the backup is gone after the restore, on SQLite and PostgreSQL.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private const string Before = """
        id,name,uscc,city,industry_cluster,enterprise_type
        E0001,青岛海卓精密机械有限公司,91370211MA3C7K2P3D,370211,智能制造,specialized
        """;

    private const string After = """
        id,name,uscc,city,industry_cluster,enterprise_type
        E0001,改名后的公司,91370211MA3C7K2P3D,370211,智能制造,specialized
        E0002,备份之后才有的公司,91370211MA3C7K2P3D,370211,智能制造,sme
        """;

    [Fact]
    public async Task Sqlite_backup_then_change_then_restore_brings_the_backed_up_data_back()
    {
        var db = Path.Combine(_dir, "zone.db");
        await RoundTripAsync(db, () => new SqliteConnection($"Data Source={db};Pooling=False"));

        // The backup is a database of its own, and restores into a new file as well.
        var copy = Path.Combine(_dir, "copy.db");
        var intoNew = await CliProcess.RunAsync(_dir, "db", "restore", "--db", copy, "--in", "zone.bak");
        Assert.True(intoNew.ExitCode == 0, intoNew.Stderr);
        Assert.Equal(["E0001:青岛海卓精密机械有限公司"], await EmployersAsync(() => new SqliteConnection($"Data Source={copy};Pooling=False")));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public async Task Postgres_backup_then_change_then_restore_brings_the_backed_up_data_back()
    {
        var server = Environment.GetEnvironmentVariable("GONGJIANG_TEST_PG")
            ?? throw new InvalidOperationException("PostgreSQL tests need GONGJIANG_TEST_PG (a connection string).");
        var name = "gj_backup_" + Guid.NewGuid().ToString("N")[..12];
        var restoredName = name + "_r";
        await ServerAsync(server, $"CREATE DATABASE {name}", $"CREATE DATABASE {restoredName}");
        try
        {
            var db = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            await RoundTripAsync(db, () => new NpgsqlConnection(db));

            var restored = new NpgsqlConnectionStringBuilder(server) { Database = restoredName }.ConnectionString;
            var intoEmpty = await CliProcess.RunAsync(_dir, "db", "restore", "--db", restored, "--in", "zone.bak");
            Assert.True(intoEmpty.ExitCode == 0, intoEmpty.Stderr);
            Assert.Equal(["E0001:青岛海卓精密机械有限公司"], await EmployersAsync(() => new NpgsqlConnection(restored)));

            var sqliteFile = await CliProcess.RunAsync(_dir, "db", "restore", "--db", restored, "--in", "zone.bak.sqlite", "--force");
            Assert.Equal(1, sqliteFile.ExitCode);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ServerAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"DROP DATABASE IF EXISTS {restoredName} WITH (FORCE)");
        }
    }

    [Fact]
    public async Task Bad_paths_and_wrong_files_are_reported_as_errors_with_a_non_zero_exit()
    {
        var db = Path.Combine(_dir, "zone.db");
        Assert.Equal(0, (await CliProcess.RunAsync(_dir, "db", "migrate", "--db", db)).ExitCode);
        await File.WriteAllTextAsync(Path.Combine(_dir, "notes.txt"), "not a backup");

        var cases = new (string[] Args, string Expected)[]
        {
            (["db", "backup", "--db", db, "--out", Path.Combine(_dir, "missing-dir", "x.bak")], "does not exist"),
            (["db", "backup", "--db", db, "--out", _dir], "is a directory"),
            (["db", "backup", "--db", Path.Combine(_dir, "absent.db"), "--out", "x.bak"], "database file not found"),
            (["db", "restore", "--db", db, "--in", "absent.bak", "--force"], "file not found"),
            (["db", "restore", "--db", db, "--in", "notes.txt", "--force"], "not a SQLite backup"),
            (["db", "restore", "--db", Path.Combine(_dir, "missing-dir", "x.db"), "--in", "notes.txt"], "not a SQLite backup"),
        };
        foreach (var (args, expected) in cases)
        {
            var result = await CliProcess.RunAsync(_dir, args);
            Assert.True(result.ExitCode != 0, string.Join(' ', args));
            Assert.StartsWith("error: ", result.Stderr);
            Assert.Contains(expected, result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr);
        }
        Assert.False(File.Exists(Path.Combine(_dir, "x.bak")));
        Assert.False(File.Exists(Path.Combine(_dir, "absent.db")));
    }

    /// <summary>import → backup → change → restore refused without --force → restore --force → the change is gone.</summary>
    private async Task RoundTripAsync(string db, Func<DbConnection> connect)
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "before.csv"), Before);
        await File.WriteAllTextAsync(Path.Combine(_dir, "after.csv"), After);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir, "import", "--db", db, "--employers", "before.csv")).ExitCode);

        var backup = await CliProcess.RunAsync(_dir, "db", "backup", "--db", db, "--out", "zone.bak");
        Assert.True(backup.ExitCode == 0, backup.Stderr);
        Assert.True(new FileInfo(Path.Combine(_dir, "zone.bak")).Length > 0);
        if (db.EndsWith(".db", StringComparison.Ordinal)) File.Copy(Path.Combine(_dir, "zone.bak"), Path.Combine(_dir, "zone.bak.sqlite"));
        else await File.WriteAllBytesAsync(Path.Combine(_dir, "zone.bak.sqlite"), "SQLite format 3\0"u8.ToArray());

        Assert.Equal(0, (await CliProcess.RunAsync(_dir, "import", "--db", db, "--employers", "after.csv")).ExitCode);
        Assert.Equal(["E0001:改名后的公司", "E0002:备份之后才有的公司"], await EmployersAsync(connect));

        var refused = await CliProcess.RunAsync(_dir, "db", "restore", "--db", db, "--in", "zone.bak");
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("error: ", refused.Stderr);
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal(2, (await EmployersAsync(connect)).Count);

        var restored = await CliProcess.RunAsync(_dir, "db", "restore", "--db", db, "--in", "zone.bak", "--force");
        Assert.True(restored.ExitCode == 0, restored.Stderr);
        Assert.Equal(["E0001:青岛海卓精密机械有限公司"], await EmployersAsync(connect));

        // The restored database is one the platform opens and keeps using.
        Assert.Equal(0, (await CliProcess.RunAsync(_dir, "db", "migrate", "--db", db)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(_dir, "import", "--db", db, "--employers", "after.csv")).ExitCode);
        Assert.Equal(2, (await EmployersAsync(connect)).Count);
    }

    private static async Task<List<string>> EmployersAsync(Func<DbConnection> connect)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"Name\" FROM \"Employers\" ORDER BY \"Id\"";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetString(0)}:{reader.GetString(1)}");
        return rows;
    }

    private static async Task ServerAsync(string server, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
