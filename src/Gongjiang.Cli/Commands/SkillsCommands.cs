using System.CommandLine;
using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Skills;

namespace Gongjiang.Cli.Commands;

/// <summary><c>skills backfill</c>: postings and profiles saved before skills were read get the standard items their skills stand for.</summary>
public static class SkillsCommands
{
    public static Command Create()
    {
        var command = new Command("skills", "Written skills and the standard skill items (技能项) they stand for.");
        var db = CommonOptions.Database();
        var backfill = new Command("backfill",
            "Reads every posting's and profile's written skills as standard skill items where their writer has not confirmed or refused a reading; " +
            "running it again changes nothing. Prints how many postings and profiles were checked and updated.") { db };
        backfill.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var result = await host.Get<IUseCases>().RunAsync(new BackfillSkillItems.Command(), ct);
            if (!result.Succeeded) throw new CliUsageException(ErrorText.EnglishLine(result.Errors));
            var b = result.Value;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"skill items: {b.PostingsUpdated} of {b.PostingsChecked} postings updated, {b.ProfilesUpdated} of {b.ProfilesChecked} profiles updated"));
            return 0;
        });
        command.Subcommands.Add(backfill);
        return command;
    }
}
