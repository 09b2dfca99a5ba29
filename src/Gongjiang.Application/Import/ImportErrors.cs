namespace Gongjiang.Application.Import;

/// <summary>The error codes of importing and exporting records.</summary>
public static class ImportErrors
{
    public const string OperatorsOnly = "import.operators_only";
}
