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
            "Learns corrections of the hand weights from the outcomes in the database (LightGbm LambdaRank trees on per-job " +
            "groups, their shape and weight chosen on the training period alone), validates them on the latest 20% of groups " +
            "by time, and adopts them only when the 95% bootstrap interval of the NDCG@10 gain over the hand weights lies above 0. " +
            "Prints what it learned from, both validation scores, the gain and its interval.") { db };
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
