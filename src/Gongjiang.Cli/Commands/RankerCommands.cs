using System.CommandLine;
using Gongjiang.Application.Matching;

namespace Gongjiang.Cli.Commands;

/// <summary><c>ranker train</c>: learns the ranking from recruiting outcomes (applied → interviewed → hired).</summary>
public static class RankerCommands
{
    public static Command Create()
    {
        var command = new Command("ranker", "The learned ranking over the engine's features.");
        var db = CommonOptions.Database();
        var train = new Command("train",
            "Trains a LambdaRank model (LightGbm) from the outcomes in the database on per-job groups, validates it on the " +
            "latest 20% of groups by time, and adopts it only when its NDCG@10 beats the hand weights. Prints what it learned " +
            "from and both validation scores.") { db };
        train.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var result = await host.Get<RankerService>().TrainAsync(ct: ct);
            Console.Write(result.Text);
            Console.WriteLine($"recorded as training run {result.RecordId}");
            return 0;
        });
        command.Subcommands.Add(train);
        return command;
    }
}
