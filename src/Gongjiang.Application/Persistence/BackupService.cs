using System.Globalization;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongjiang.Application.Persistence;

/// <summary>A backup or restore that cannot go ahead; the message says why, in terms of the paths and database given.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>
/// Whole-database backup and restore. SQLite uses the online backup API (a consistent copy while the platform keeps
/// running); PostgreSQL uses pg_dump / pg_restore in their custom format. Backup files are written beside their
/// destination and renamed into place, so a failed backup never leaves half a file; a restore is applied in one
/// transaction, so a failed restore leaves the database as it was.
/// </summary>
public static class BackupService
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpHeader = "PGDMP"u8.ToArray();

    public static async Task BackupAsync(DatabaseTarget source, string outPath, CancellationToken ct = default)
    {
        var full = CheckedOutputPath(outPath);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            if (source.Provider == DatabaseProvider.Sqlite) await BackupSqliteAsync(source, temp, ct);
            else await RunPgToolAsync("pg_dump", source, ["--format=custom", "--no-owner", "--no-privileges", "--file", temp], ct);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Replaces the database with the backup; refuses a database that holds tables unless <paramref name="force"/>.</summary>
    public static async Task RestoreAsync(DatabaseTarget target, string inPath, bool force, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(inPath);
        if (Directory.Exists(full)) throw new BackupException($"{inPath}: is a directory, expected a backup file");
        if (!File.Exists(full)) throw new BackupException($"{inPath}: file not found");
        var expected = target.Provider == DatabaseProvider.Sqlite ? SqliteHeader : PgDumpHeader;
        if (!await StartsWithAsync(full, expected, ct))
            throw new BackupException(target.Provider == DatabaseProvider.Sqlite
                ? $"{inPath}: not a SQLite backup (a PostgreSQL database restores from pg_dump files, SQLite from SQLite files)"
                : $"{inPath}: not a pg_dump custom-format backup (a PostgreSQL database restores from pg_dump files, SQLite from SQLite files)");

        var tables = target.Provider == DatabaseProvider.Sqlite ? SqliteTableCount(target) : await PostgresTableCountAsync(target, ct);
        if (tables > 0 && !force)
            throw new BackupException($"{target.Display}: the database is not empty ({tables} tables); pass --force to replace it");

        if (target.Provider == DatabaseProvider.Sqlite) await RestoreSqliteAsync(target, full, inPath, ct);
        else await RunPgToolAsync("pg_restore", target, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", full], ct);
    }

    private static string CheckedOutputPath(string outPath)
    {
        var full = Path.GetFullPath(outPath);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) throw new BackupException($"{outPath}: directory {directory} does not exist");
        if (Directory.Exists(full)) throw new BackupException($"{outPath}: is a directory, expected a file path");
        return full;
    }

    private static async Task<bool> StartsWithAsync(string path, byte[] header, CancellationToken ct)
    {
        var buffer = new byte[header.Length];
        await using var stream = File.OpenRead(path);
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return read == header.Length && buffer.AsSpan().SequenceEqual(header);
    }

    // ---- SQLite ----

    private static Task BackupSqliteAsync(DatabaseTarget source, string temp, CancellationToken ct)
    {
        var path = source.SqliteFilePath!;
        if (!File.Exists(path)) throw new BackupException($"{path}: database file not found");
        ct.ThrowIfCancellationRequested();
        try
        {
            using (var from = new SqliteConnection(ReadOnly(path)))
            using (var to = new SqliteConnection(ReadWrite(temp)))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
                // A self-contained file: no write-ahead log beside it.
                using var command = to.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=DELETE;";
                command.ExecuteNonQuery();
            }
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{path}: cannot back up the database: {e.Message}");
        }
        return Task.CompletedTask;
    }

    private static Task RestoreSqliteAsync(DatabaseTarget target, string backup, string shownPath, CancellationToken ct)
    {
        var path = target.SqliteFilePath!;
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory)) throw new BackupException($"{path}: directory {directory} does not exist");
        ct.ThrowIfCancellationRequested();
        try
        {
            using var from = new SqliteConnection(ReadOnly(backup));
            from.Open();
            using (var check = from.CreateCommand())
            {
                check.CommandText = "PRAGMA quick_check;";
                var verdict = check.ExecuteScalar() as string;
                if (verdict != "ok") throw new BackupException($"{shownPath}: the backup is damaged ({verdict})");
                check.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__migrations';";
                if (Convert.ToInt32(check.ExecuteScalar(), CultureInfo.InvariantCulture) == 0) throw new BackupException($"{shownPath}: not a Gongjiang backup (no schema history)");
            }

            if (!File.Exists(path))
            {
                // A new database: copy beside it, then rename into place.
                var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
                try
                {
                    using (var to = new SqliteConnection(ReadWrite(temp)))
                    {
                        to.Open();
                        from.BackupDatabase(to);
                    }
                    SqliteConnection.ClearAllPools();
                    File.Move(temp, path);
                }
                finally
                {
                    if (File.Exists(temp)) File.Delete(temp);
                }
            }
            else
            {
                // An existing database (perhaps in use): the backup API replaces its pages in one write transaction,
                // which SQLite rolls back if it is interrupted.
                using var to = new SqliteConnection(ReadWrite(path));
                to.Open();
                from.BackupDatabase(to);
            }
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{shownPath}: cannot restore into {path}: {e.Message}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
        return Task.CompletedTask;
    }

    private static int SqliteTableCount(DatabaseTarget target)
    {
        var path = target.SqliteFilePath!;
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return 0;
        try
        {
            using var connection = new SqliteConnection(ReadOnly(path));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{path}: cannot read the database: {e.Message}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static string ReadOnly(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString();

    private static string ReadWrite(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 }.ToString();

    // ---- PostgreSQL ----

    private static async Task<int> PostgresTableCountAsync(DatabaseTarget target, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')";
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        catch (NpgsqlException e)
        {
            throw new BackupException($"{target.Display}: cannot open the database: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>pg_dump or pg_restore from PATH, else from the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindPgTool(string name)
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name));
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates = candidates.Concat(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", name)));
        return candidates.FirstOrDefault(File.Exists);
    }

    private static async Task RunPgToolAsync(string tool, DatabaseTarget target, string[] arguments, CancellationToken ct)
    {
        var executable = FindPgTool(tool)
            ?? throw new BackupException($"{tool} not found on PATH or in /usr/lib/postgresql/*/bin; install the PostgreSQL client tools (e.g. apt-get install postgresql-client)");
        var connection = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--host=" + (connection.Host ?? "localhost"));
        start.ArgumentList.Add("--port=" + connection.Port);
        if (!string.IsNullOrEmpty(connection.Username)) start.ArgumentList.Add("--username=" + connection.Username);
        start.ArgumentList.Add("--no-password");
        start.ArgumentList.Add((tool == "pg_restore" ? "--dbname=" : "") + (connection.Database ?? connection.Username ?? "postgres"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (!string.IsNullOrEmpty(connection.Password)) start.Environment["PGPASSWORD"] = connection.Password;

        using var process = Process.Start(start) ?? throw new BackupException($"{tool}: cannot be started");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var errors = (await stderr).Trim();
        await stdout;
        if (process.ExitCode != 0)
            throw new BackupException($"{target.Display}: {tool} failed (exit {process.ExitCode}): {errors.Split('\n').FirstOrDefault(l => l.Length > 0) ?? "no message"}");
    }
}
