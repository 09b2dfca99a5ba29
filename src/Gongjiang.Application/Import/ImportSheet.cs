using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;

namespace Gongjiang.Application.Import;

/// <summary>
/// Bulk import from a CSV or XLSX sheet (批量导入): every row is checked and shown (a preview saves nothing); on commit the
/// valid rows are imported. Employers import their own jobs (each row becomes theirs); operators import jobs of any
/// employer and résumés (de-duplicated by phone or ID number).
/// </summary>
public static class ImportSheet
{
    public const string Jobs = "jobs";
    public const string Talent = "talent";

    /// <param name="Kind"><see cref="Jobs"/> or <see cref="Talent"/>.</param>
    /// <param name="Commit">False for a preview only.</param>
    public sealed record Command(string Kind, Stream? Content, string? FileName, bool Commit) : IUseCase<Outcome>;

    /// <param name="Report">What the import did; null for a preview.</param>
    public sealed record Outcome(ImportPreview Preview, ImportReport? Report);

    public sealed class Handler(ComplianceRules rules, TabularImport tabular) : IUseCaseHandler<Command, Outcome>
    {
        public async Task<Result<Outcome>> HandleAsync(Command command, CancellationToken ct)
        {
            var actor = await rules.SignedInAsync(ct);
            if (!actor.Succeeded) return actor.Cast<Outcome>();
            var a = actor.Value;
            if (command.Kind == Talent && !a.IsOperator) return Error.Forbidden(ImportErrors.OperatorsOnly);
            if (command.Kind == Jobs && !a.IsOperator && a.EmployerId is null) return Error.Forbidden(Application.Jobs.JobErrors.NoEmployerAccount);
            if (command.Kind is not (Jobs or Talent)) return Error.Invalid("kind", ImportErrors.UnknownKind, command.Kind);
            if (command.Content is null || string.IsNullOrWhiteSpace(command.FileName)) return Error.Invalid("file", ImportErrors.FileRequired);

            var fileName = Path.GetFileName(command.FileName);
            var preview = command.Kind == Jobs
                ? await tabular.PreviewJobsAsync(command.Content, fileName, a.IsOperator ? null : a.EmployerId, ct)
                : await tabular.PreviewTalentAsync(command.Content, fileName, ct);
            if (preview.FileError is { } fileError) return fileError;
            return new Outcome(preview, command.Commit ? await tabular.ImportAsync(preview, ct) : null);
        }
    }
}
