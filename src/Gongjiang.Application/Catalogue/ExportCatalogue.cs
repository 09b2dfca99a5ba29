using System.Globalization;
using System.Text;
using CsvHelper;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using MiniExcelLibs;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// The catalogue as a download: <c>csv</c> is catalog.csv exactly (docs/formats.md); <c>xlsx</c> adds, per listing, the
/// 95% interval of R, the survey part of V, applications per opening and what the postings ask for.
/// </summary>
public static class ExportCatalogue
{
    public sealed record Query(string? Period, string? Region = null, string? Level = null, string? Cluster = null, string? Format = "csv")
        : IUseCase<ExportFile>;

    public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

    public static readonly string[] ExtraColumns =
        ["ratio_low", "ratio_high", "survey_demand", "applications_per_opening", "typical_education", "median_experience_years", "postings"];

    public sealed class Handler(IUseCases useCases) : IUseCaseHandler<Query, ExportFile>
    {
        public async Task<Result<ExportFile>> HandleAsync(Query query, CancellationToken ct)
        {
            var format = string.IsNullOrWhiteSpace(query.Format) ? "csv" : query.Format;
            if (format is not ("csv" or "xlsx")) return Error.Invalid("format", CatalogueErrors.BadFormat, format);
            var built = await useCases.RunAsync(new BuildCatalogue.Query(query.Period, query.Region, query.Level, query.Cluster), ct);
            if (!built.Succeeded) return built.Cast<ExportFile>();
            var catalogue = built.Value;
            var name = $"catalog-{catalogue.Period}-{ShortageCatalogue.RegionName(catalogue.Region)}-{ShortageCatalogue.LevelName(catalogue.Level)}";
            if (format == "csv")
            {
                await using var buffer = new MemoryStream();
                await using (var writer = new StreamWriter(buffer, new UTF8Encoding(true), leaveOpen: true))
                await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
                {
                    foreach (var h in CatalogueFile.Header) csv.WriteField(h);
                    await csv.NextRecordAsync();
                    foreach (var listing in catalogue.Listings)
                    {
                        foreach (var cell in CatalogueFile.Cells(listing)) csv.WriteField(Neutralise(cell));
                        await csv.NextRecordAsync();
                    }
                }
                return new ExportFile(buffer.ToArray(), "text/csv; charset=utf-8", name + ".csv");
            }
            var rows = catalogue.Listings.Select(l =>
            {
                var row = new Dictionary<string, object?>();
                foreach (var (column, cell) in CatalogueFile.Header.Zip(CatalogueFile.Cells(l))) row[column] = cell;
                row["ratio_low"] = l.RatioInterval?.Low is { } lo ? Math.Round(lo, 2) : null;
                row["ratio_high"] = l.RatioInterval?.High is { } hi ? Math.Round(hi, 2) : null;
                row["survey_demand"] = Math.Round(l.SurveyDemand, 2);
                row["applications_per_opening"] = l.ApplicationsPerOpening;
                row["typical_education"] = l.TypicalEducation;
                row["median_experience_years"] = l.MedianExperienceYears;
                row["postings"] = l.Postings;
                return row;
            }).ToList();
            await using var sheet = new MemoryStream();
            await sheet.SaveAsAsync(rows, sheetName: "catalog", cancellationToken: ct);
            return new ExportFile(sheet.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        /// <summary>A cell a spreadsheet would read as a formula gets a leading apostrophe.</summary>
        private static string Neutralise(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '@' ? "'" + cell : cell;
    }
}
