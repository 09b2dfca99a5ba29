using System.Globalization;
using BenchmarkDotNet.Running;
using Gongjiang.Bench;
using Gongjiang.Benchmarking;

// `matching --talent N --jobs M --queries Q --seed S [--json report.json]` runs the matching benchmark (as the CLI's
// `bench matching` does); `compaction --talent N --jobs M --talent-edits E --job-edits F --queries Q --seed S` measures
// the index after many edits, before and after compaction (`--gc-events` also prints the runtime's events during each
// garbage-collection pause over 100 ms); anything else goes to BenchmarkDotNet
// (e.g. `--filter *Scoring* --job short`).
int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

if (args.Length > 0 && args[0] == "compaction")
{
    CompactionBenchmark.Run(Arg("--talent", 20_000), Arg("--jobs", 4_000), Arg("--talent-edits", 100_000), Arg("--job-edits", 10_000),
        Arg("--queries", 1_000), Arg("--seed", 1), gcEvents: args.Contains("--gc-events"));
    return 0;
}

if (args.Length > 0 && args[0] == "matching")
{
    var jsonAt = Array.IndexOf(args, "--json");
    var report = BenchMatching.Run(Arg("--talent", 100_000), Arg("--jobs", 20_000), Arg("--queries", 1_000), Arg("--seed", 1),
        message => Console.Error.WriteLine(message), baseline: !args.Contains("--no-baseline"));
    var json = report.ToJson();
    if (jsonAt >= 0 && jsonAt + 1 < args.Length) File.WriteAllText(args[jsonAt + 1], json);
    Console.WriteLine(json);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args);
return 0;
