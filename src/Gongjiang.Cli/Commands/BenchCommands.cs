using System.CommandLine;
using Gongjiang.Benchmarking;

namespace Gongjiang.Cli.Commands;

/// <summary><c>bench matching</c>: the matching benchmark of docs/formats.md (engine vs the Lucene BM25 baseline).</summary>
public static class BenchCommands
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks measured on a generated market.");
        command.Subcommands.Add(Matching());
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
}
