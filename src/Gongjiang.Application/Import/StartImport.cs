using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Persistence;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Import;

/// <summary>
/// Imports the valid rows of an uploaded sheet (确认导入): a sheet of at most <see cref="ImportOptions.BackgroundAboveRows"/>
/// rows at once, a larger one in the background — the file is kept with a task the uploader follows
/// (<see cref="GetImportProgress"/>) and may cancel (<see cref="CancelImport"/>).
/// </summary>
public static class StartImport
{
    /// <param name="Kind"><see cref="ImportSheet.Jobs"/> or <see cref="ImportSheet.Talent"/>.</param>
    public sealed record Command(string Kind, Stream? Content, string? FileName) : IUseCase<Started>;

    /// <param name="Report">What the import did, when it ran at once; null when it runs in the background.</param>
    /// <param name="Task">The background import; null when it ran at once.</param>
    public sealed record Started(ImportPreview Preview, ImportReport? Report, ImportProgress? Task);

    public sealed class Handler(ComplianceRules rules, TabularImport tabular, AppDbContext db, IOptions<ImportOptions> options, TimeProvider clock)
        : IUseCaseHandler<Command, Started>
    {
        public async Task<Result<Started>> HandleAsync(Command command, CancellationToken ct)
        {
            var actor = await rules.SignedInAsync(ct);
            if (!actor.Succeeded) return actor.Cast<Started>();
            var a = actor.Value;
            if (ImportSheet.Refusal(a, command.Kind, command.Content, command.FileName) is { } refusal) return refusal;
            var fileName = Path.GetFileName(command.FileName!);
            var own = ImportSheet.OwnEmployer(a, command.Kind);

            // The file is read twice (counted, then imported or kept): held once in memory, at most 10 MB.
            using var content = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await command.Content!.ReadAsync(buffer, ct)) > 0)
            {
                if (content.Length + read > TabularImport.MaxUploadBytes) return Error.Invalid("file", ImportErrors.TooLarge);
                content.Write(buffer, 0, read);
            }

            content.Position = 0;
            var counted = await tabular.PreviewAsync(command.Kind, content, fileName, own, keepValid: false, ct);
            if (counted.FileError is { } fileError) return fileError;
            if (counted.Total <= options.Value.BackgroundAboveRows)
            {
                content.Position = 0;
                var preview = await tabular.PreviewAsync(command.Kind, content, fileName, own, keepValid: true, ct);
                return new Started(preview, await tabular.ImportAsync(preview, ct), null);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var task = new ImportTask
            {
                Id = Guid.NewGuid().ToString("N"), UserId = a.UserId, Kind = command.Kind, FileName = fileName, OwnEmployerId = own,
                State = ImportTaskState.Queued, RowsTotal = counted.Total, CreatedAt = now, UpdatedAt = now,
            };
            db.ImportTasks.Add(task);
            db.ImportTaskFiles.Add(new ImportTaskFile { TaskId = task.Id, Content = content.ToArray() });
            await db.SaveChangesAsync(ct);
            return new Started(counted, null, ImportProgress.Of(task));
        }
    }
}
