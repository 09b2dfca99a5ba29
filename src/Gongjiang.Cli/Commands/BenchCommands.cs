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
}
