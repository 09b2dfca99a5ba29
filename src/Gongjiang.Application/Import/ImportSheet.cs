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
            if (Refusal(a, command.Kind, command.Content, command.FileName) is { } refusal) return refusal;

            var fileName = Path.GetFileName(command.FileName!);
            // A preview keeps only what it shows; an import keeps the valid records it is about to save.
            var preview = await tabular.PreviewAsync(command.Kind, command.Content!, fileName, OwnEmployer(a, command.Kind),
                keepValid: command.Commit, ct);
            if (preview.FileError is { } fileError) return fileError;
            return new Outcome(preview, command.Commit ? await tabular.ImportAsync(preview, ct) : null);
        }
    }

    /// <summary>Why this user may not import this upload (the role, the kind, no file); null when they may.</summary>
    internal static Error? Refusal(Common.Actor a, string kind, Stream? content, string? fileName)
    {
        if (kind == Talent && !a.IsOperator) return Error.Forbidden(ImportErrors.OperatorsOnly);
        if (kind == Jobs && !a.IsOperator && a.EmployerId is null) return Error.Forbidden(Application.Jobs.JobErrors.NoEmployerAccount);
        if (kind is not (Jobs or Talent)) return Error.Invalid("kind", ImportErrors.UnknownKind, kind);
        if (content is null || string.IsNullOrWhiteSpace(fileName)) return Error.Invalid("file", ImportErrors.FileRequired);
        return null;
    }

    /// <summary>The employer every job of this user's upload belongs to (null for operators, who name it in each row).</summary>
    internal static string? OwnEmployer(Common.Actor a, string kind) => kind == Jobs && !a.IsOperator ? a.EmployerId : null;
}
