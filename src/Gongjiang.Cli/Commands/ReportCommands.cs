using System.CommandLine;
using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Reports;

namespace Gongjiang.Cli.Commands;

/// <summary><c>report monthly</c>: the monthly report for the 人社局 as an XLSX workbook, as the operator dashboard downloads it.</summary>
public static class ReportCommands
{
    public static Command Create()
    {
        var command = new Command("report", "Operators' reports.");
        var db = CommonOptions.Database();
        var month = new Option<string>("--month") { Description = "the month, e.g. 2026-11 (China time)", Required = true };
        var output = new Option<string>("--out") { Description = "the .xlsx workbook to write", Required = true };
        var monthly = new Command("monthly", "The month's postings, new seekers, applications and hires by industry cluster and occupation " +
            "major group, screening flags and complaints: one sheet each plus a summary (月度报表).") { db, month, output };
        monthly.SetAction(async (parse, ct) =>
        {
            var outPath = parse.GetValue(output)!;
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var result = await host.Get<IUseCases>().RunAsync(new ExportMonthlyReport.Query(parse.GetValue(month)), ct);
            if (!result.Succeeded) throw new CliUsageException(ErrorText.EnglishLine(result.Errors));
            await OutputFile.WriteBytesAsync(outPath, result.Value.Content);
            var f = result.Value.Figures;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"monthly report {f.Month}: {f.Postings} postings ({f.Openings} openings), {f.NewSeekers} new seekers, {f.Applications} applications, " +
                $"{f.Hires} hires, {f.ScreeningFlags} screening flags, {f.Complaints} complaints → {outPath}"));
            return 0;
        });
        command.Subcommands.Add(monthly);
        return command;
    }
}
