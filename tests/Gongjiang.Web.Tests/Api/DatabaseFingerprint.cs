using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Gongjiang.Application.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// A checksum of every row of every table of the model, table by table: a refused request that changed a value in place
/// (not only one that added or removed a row) shows as a table whose checksum moved.
/// </summary>
public static class DatabaseFingerprint
{
    /// <summary>
    /// Columns the outbox's delivery worker writes on its own schedule (a message's sending, not a request's doing); the
    /// rest of each outbox row (who is told what) still counts.
    /// </summary>
    private static readonly HashSet<string> DeliveryBookkeeping =
        ["OutboxMessages.Status", "OutboxMessages.Attempts", "OutboxMessages.NextAttemptAt", "OutboxMessages.LeaseUntil",
         "OutboxMessages.LeaseOwner", "OutboxMessages.SentAt", "OutboxMessages.LastError"];

    /// <summary>Each table's row count and a SHA-256 over its rows in key order, every column rendered invariantly.</summary>
    public static async Task<Dictionary<string, string>> OfAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var sums = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                await using DbCommand command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
                await using var reader = await command.ExecuteReaderAsync();
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var rows = 0;
                while (await reader.ReadAsync())
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (DeliveryBookkeeping.Contains($"{table}.{reader.GetName(i)}")) continue;
                        var value = reader.IsDBNull(i) ? "\u2400" : reader.GetValue(i) switch
                        {
                            byte[] bytes => Convert.ToBase64String(bytes),
                            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                            var other => other.ToString() ?? "",
                        };
                        hash.AppendData(Encoding.UTF8.GetBytes(value));
                        hash.AppendData("\u001f"u8);
                    }
                    hash.AppendData("\u001e"u8);
                }
                sums[table] = $"{rows} rows {Convert.ToHexString(hash.GetHashAndReset())[..12]}";
            }
            return sums;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>
    /// A connection of the test's own to the app's SQLite file: its <c>PRAGMA data_version</c> moves whenever any other
    /// connection commits, so an unchanged value proves nothing was written without reading a row.
    /// </summary>
    public static async Task<SqliteConnection> WatchAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
        var watch = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await watch.OpenAsync();
        return watch;
    }

    /// <summary>The database's commit counter as seen by <paramref name="watch"/>.</summary>
    public static async Task<long> DataVersionAsync(SqliteConnection watch)
    {
        await using var command = watch.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The tables whose rows differ between two fingerprints, as "table: before → after".</summary>
    public static List<string> Changes(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Where(kv => after[kv.Key] != kv.Value).Select(kv => $"{kv.Key}: {kv.Value} → {after[kv.Key]}").ToList();
}
