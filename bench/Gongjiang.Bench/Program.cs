using System.Globalization;
using BenchmarkDotNet.Running;
using Gongjiang.Bench;
using Gongjiang.Matching.Benchmarking;

// `matching --talent N --jobs M --queries Q --seed S [--json report.json]` runs the matching benchmark (as the CLI's
// `bench matching` does); anything else goes to BenchmarkDotNet (e.g. `--filter *Scoring* --job short`).
if (args.Length > 0 && args[0] == "matching")
{
    int Arg(string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
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
