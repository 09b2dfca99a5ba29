using System.Text;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;

namespace Gongjiang.Application.Import;

/// <summary>
/// The empty sheet to fill for a bulk import: a CSV file whose first line is the columns the importer reads
/// (<see cref="TabularImport.JobColumns"/> or <see cref="TabularImport.TalentColumns"/>, the jobs and talent formats of
/// docs/formats.md), in UTF-8 with a byte-order mark so spreadsheet programs open the Chinese text correctly.
/// </summary>
public static class GetImportTemplate
{
    public sealed record Query(string Kind) : IUseCase<Template>;

    public sealed record Template(string FileName, string ContentType, byte[] Content);

    public sealed class Handler : IUseCaseHandler<Query, Template>
    {
        public Task<Result<Template>> HandleAsync(Query query, CancellationToken ct)
        {
            var columns = query.Kind switch
            {
                ImportSheet.Jobs => TabularImport.JobColumns,
                ImportSheet.Talent => TabularImport.TalentColumns,
                _ => null,
            };
            if (columns is null) return Task.FromResult<Result<Template>>(Error.Invalid("kind", ImportErrors.UnknownKind, query.Kind));
            var text = string.Join(',', columns) + "\r\n";
            var content = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
            return Task.FromResult<Result<Template>>(new Template($"{query.Kind}-template.csv", "text/csv; charset=utf-8", content));
        }
    }
}
