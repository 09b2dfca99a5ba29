using System.CommandLine;
using System.Globalization;
using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Cli.Commands;

/// <summary><c>catalog build</c>: the shortage catalogue (急需紧缺人才目录) of a quarter as catalog.csv.</summary>
public static class CatalogCommands
{
    public static Command Create()
    {
        var command = new Command("catalog", "The shortage-talent catalogue (急需紧缺人才目录): measures, shortage index, bands and ranks.");
        var db = CommonOptions.Database();
        var period = new Option<string>("--period") { Description = "the quarter, e.g. 2026Q3 (2026-07-01 … 2026-09-30, China time)", Required = true };
        var output = new Option<string>("--out") { Description = "catalog.csv to write (columns of docs/formats.md)", Required = true };
        var region = new Option<string>("--region") { Description = "zone (the whole database), province or city", DefaultValueFactory = _ => "zone" };
        var level = new Option<string>("--level") { Description = "occupation (细类), minor (小类) or middle (中类)", DefaultValueFactory = _ => "occupation" };
        var cluster = new Option<string?>("--cluster") { Description = "only the demand of employers of this industry cluster" };
        var weights = new Option<string?>("--weights")
        {
            Description = "the index weights instead of the stored method, as ratio,gap,days_to_fill,salary_change (default 0.4,0.3,0.15,0.15)",
        };
        var build = new Command("build", "Builds the catalogue of a quarter; one row per occupation and region with demand or supply. " +
            "The method (indicators, weights, bands) is docs/shortage-catalogue.md.") { db, period, output, region, level, cluster, weights };
        build.SetAction(async (parse, ct) =>
        {
            var outPath = parse.GetValue(output)!;
            if (Directory.Exists(outPath)) throw new CliUsageException($"{outPath}: is a directory, expected a file path for --out");
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var useCases = host.Get<IUseCases>();
            double[]? weightValues = null;
            if (parse.GetValue(weights) is { } text)
            {
                weightValues = text.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
                if (weightValues.Length != 4 || weightValues.Any(double.IsNaN))
                    throw new CliUsageException($"--weights: expected four numbers ratio,gap,days_to_fill,salary_change, got '{text}'");
            }
            var result = await useCases.RunAsync(new BuildCatalogue.Query(parse.GetValue(period), parse.GetValue(region), parse.GetValue(level),
                parse.GetValue(cluster), Weights: weightValues), ct);
            if (!result.Succeeded) throw new CliUsageException(ErrorText.EnglishLine(result.Errors));
            var catalogue = result.Value;
            await OutputFile.WriteCsvAsync(outPath, async csv =>
            {
                foreach (var h in CatalogueFile.Header) csv.WriteField(h);
                await csv.NextRecordAsync();
                foreach (var listing in catalogue.Listings)
                {
                    foreach (var cell in CatalogueFile.Cells(listing)) csv.WriteField(cell);
                    await csv.NextRecordAsync();
                }
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"catalogue {catalogue.Period} ({ShortageCatalogue.RegionName(catalogue.Region)}, {ShortageCatalogue.LevelName(catalogue.Level)}): " +
                $"{catalogue.Listings.Count} rows, {catalogue.Listings.Count(l => l.Band != ShortageBand.General)} in shortage → {outPath}"));
            return 0;
        });
        command.Subcommands.Add(build);
        return command;
    }
}
