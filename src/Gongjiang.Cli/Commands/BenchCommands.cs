using System.CommandLine;
using System.Text.Json;
using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Benchmarking;

namespace Gongjiang.Cli.Commands;

/// <summary>
/// <c>bench matching</c>: the matching benchmark of docs/formats.md (engine vs the Lucene BM25 baseline); <c>bench catalog</c>:
/// one quarter's shortage catalogue built over a generated market of the given size.
/// </summary>
public static class BenchCommands
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks measured on a generated market.");
        command.Subcommands.Add(Matching());
        command.Subcommands.Add(Catalog());
        command.Subcommands.Add(Live());
        return command;
    }

    private static Command Matching()
    {
        var talent = new Option<int>("--talent") { Description = "Seekers in the generated market", DefaultValueFactory = _ => 100_000 };
        var jobs = new Option<int>("--jobs") { Description = "Postings in the generated market", DefaultValueFactory = _ => 20_000 };
        var queries = new Option<int>("--queries") { Description = "Queries, half job→talent and half talent→job, top 50 with reasons", DefaultValueFactory = _ => 1_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the market and of the query sample", DefaultValueFactory = _ => 1 };
        var json = new Option<string?>("--json") { Description = "Where to write report.json (also printed on stdout)" };
        var command = new Command("matching",
            "Generates a reproducible market, builds the matching engine and a Lucene BM25 baseline with the same hard filters, " +
            "runs the same queries through both (single thread, sequential) and reports build time, memory, latency, qps and ndcg@10.")
            { talent, jobs, queries, seed, json };
        command.SetAction(parse =>
        {
            var (n, m, q) = (parse.GetValue(talent), parse.GetValue(jobs), parse.GetValue(queries));
            if (n < 1) throw new CliUsageException($"--talent: must be at least 1 (was {n})");
            if (m < 1) throw new CliUsageException($"--jobs: must be at least 1 (was {m})");
            if (q < 1) throw new CliUsageException($"--queries: must be at least 1 (was {q})");
            var path = parse.GetValue(json);
            if (path is not null && Directory.Exists(path)) throw new CliUsageException($"{path}: is a directory, expected a file path for --json");

            var report = BenchMatching.Run(n, m, q, parse.GetValue(seed), message => Console.Error.WriteLine(message));
            var text = report.ToJson();
            if (path is not null) OutputFile.WriteAsync(path, writer => writer.WriteLineAsync(text)).GetAwaiter().GetResult();
            Console.WriteLine(text);
            return 0;
        });
        return command;
    }

    private static Command Catalog()
    {
        var db = CommonOptions.Database();
        var postings = new Option<long>("--postings") { Description = "Posting-days of the generated market (the postings' lives added up; 45 days a posting on average)", Required = true };
        var seekers = new Option<long>("--seekers") { Description = "Seekers in the generated market", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated market", DefaultValueFactory = _ => 1 };
        var json = new Option<string?>("--json") { Description = "Where to write the report (also printed on stdout)" };
        var command = new Command("catalog",
            "Writes a reproducible market into an empty database (in SQL, inside the database), then times one build of the 2026Q3 " +
            "catalogue: zone, occupations, with the previous quarter's ranks and the bootstrap interval.") { db, postings, seekers, seed, json };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(json);
            if (path is not null && Directory.Exists(path)) throw new CliUsageException($"{path}: is a directory, expected a file path for --json");
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var result = await host.Get<IUseCases>().RunAsync(new BenchCatalogue.Command(parse.GetValue(postings), parse.GetValue(seekers), parse.GetValue(seed)), ct);
            if (!result.Succeeded) throw new CliUsageException(ErrorText.EnglishLine(result.Errors));
            var text = JsonSerializer.Serialize(result.Value);
            if (path is not null) await OutputFile.WriteAsync(path, writer => writer.WriteLineAsync(text));
            Console.WriteLine(text);
            return 0;
        });
        return command;
    }

    private static Command Live()
    {
        var viewers = new Option<int>("--viewers") { Description = "Simulated viewers (SignalR connections over loopback)", DefaultValueFactory = _ => 1_000 };
        var nodes = new Option<int>("--nodes") { Description = "Web nodes: 1, or 2 sharing the database and a Redis", DefaultValueFactory = _ => 1 };
        var seconds = new Option<int>("--seconds") { Description = "How long the host announces", DefaultValueFactory = _ => 30 };
        var rate = new Option<int>("--rate") { Description = "Announcements a second", DefaultValueFactory = _ => 2 };
        var db = CommonOptions.Database();
        db.Description = "The nodes' database: SQLite file path or PostgreSQL connection string; default a new temporary SQLite file";
        var redis = new Option<string?>("--redis") { Description = "Redis host:port for two nodes; default a redis-server this command starts (from PATH)" };
        var messagePack = new Option<bool>("--messagepack") { Description = "Viewers use the MessagePack protocol instead of JSON" };
        var connectTimeout = new Option<int>("--connect-timeout") { Description = "Seconds one viewer may take to connect and join", DefaultValueFactory = _ => 30 };
        var connectPhase = new Option<int>("--connect-deadline") { Description = "Seconds all viewers may take to connect; those not in by then count as not connected", DefaultValueFactory = _ => 300 };
        var json = new Option<string?>("--json") { Description = "Where to write live.json (also printed on stdout)" };
        var command = new Command("live",
            "Starts the node(s) on free loopback ports, opens a room as the demo HR, connects the viewers spread over the nodes, has the " +
            "host announce --rate messages a second for --seconds seconds and reports deliveries, losses, latency and the nodes' memory.")
            { viewers, nodes, seconds, rate, db, redis, messagePack, connectTimeout, connectPhase, json };
        command.SetAction(async (parse, ct) =>
        {
            var (n, k, s, r) = (parse.GetValue(viewers), parse.GetValue(nodes), parse.GetValue(seconds), parse.GetValue(rate));
            if (n is < 1 or > 50_000) throw new CliUsageException($"--viewers: must be 1 to 50000 (was {n})");
            if (k is not (1 or 2)) throw new CliUsageException($"--nodes: must be 1 or 2 (was {k})");
            if (s is < 1 or > 3600) throw new CliUsageException($"--seconds: must be 1 to 3600 (was {s})");
            if (r is < 1 or > 50) throw new CliUsageException($"--rate: must be 1 to 50 (was {r})");
            var redisAddress = parse.GetValue(redis);
            if (redisAddress is not null && !System.Net.IPEndPoint.TryParse(redisAddress, out _) && !redisAddress.Contains(':'))
                throw new CliUsageException($"--redis: expected host:port (was {redisAddress})");
            var (timeout, phase) = (parse.GetValue(connectTimeout), parse.GetValue(connectPhase));
            if (timeout < 1) throw new CliUsageException($"--connect-timeout: must be at least 1 (was {timeout})");
            if (phase < 1) throw new CliUsageException($"--connect-deadline: must be at least 1 (was {phase})");
            var path = parse.GetValue(json);
            if (path is not null && Directory.Exists(path)) throw new CliUsageException($"{path}: is a directory, expected a file path for --json");

            var report = await BenchLive.RunAsync(new BenchLive.Settings(n, k, s, r, parse.GetValue(db), redisAddress, parse.GetValue(messagePack),
                TimeSpan.FromSeconds(timeout), TimeSpan.FromSeconds(phase), TimeSpan.FromSeconds(15), 64), message => Console.Error.WriteLine(message), ct);
            var text = JsonSerializer.Serialize(report);
            if (path is not null) await OutputFile.WriteAsync(path, writer => writer.WriteLineAsync(text));
            Console.WriteLine(text);
            return 0;
        });
        return command;
    }
}
