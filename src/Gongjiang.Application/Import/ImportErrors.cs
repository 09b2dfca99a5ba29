namespace Gongjiang.Application.Import;

/// <summary>Codes of the errors of bulk imports from CSV or XLSX (messages in Common/Results/ErrorMessages.resx).</summary>
public static class ImportErrors
{
    public const string FileRequired = "import.file_required";
    public const string UnsupportedFile = "import.unsupported_file";
    public const string EmptyFile = "import.empty_file";
    public const string UnreadableFile = "import.unreadable_file";
    public const string TooLarge = "import.too_large";
    public const string TooManyRows = "import.too_many_rows";
    public const string TaskNotFound = "import.task_not_found";
    public const string TaskFinished = "import.task_finished";
    public const string UploadExpired = "import.upload_expired";
    public const string OperatorsOnly = "import.operators_only";
    public const string ExportOperatorsOnly = "import.export_operators_only";
    public const string UnknownKind = "import.unknown_kind";
}
