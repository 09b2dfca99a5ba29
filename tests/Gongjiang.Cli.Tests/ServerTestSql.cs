using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Gongjiang.Cli.Tests;

/// <summary>What the tests that run the real server ask of its database and its API, shared by them.</summary>
internal static class ServerTestSql
{
    /// <summary>One number read over a fresh connection (the test's own, not the server's).</summary>
    public static async Task<long> ScalarAsync(Func<DbConnection> connect, string sql)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The JSON body of a successful response; any other response fails with its status and body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Runs a statement on the PostgreSQL server itself (CREATE DATABASE, DROP DATABASE).</summary>
    public static async Task OnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
