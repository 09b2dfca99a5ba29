namespace Gongjiang.Application.Import;

/// <summary>A row that was not imported, reported as <c>file:line: reason</c>.</summary>
public sealed record ImportProblem(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

public sealed class ImportReport(string kind, string file)
{
    public string Kind { get; } = kind;
    public string File { get; } = file;
    public int Rows { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Imported => Inserted + Updated;
    public List<ImportProblem> Problems { get; } = [];
    public int Skipped => Problems.Count;

    public void Problem(int line, string reason) => Problems.Add(new ImportProblem(File, line, reason));

    /// <summary>Rows imported with a change worth telling (e.g. an open posting stored as draft by screening); not skipped.</summary>
    public List<ImportProblem> Notices { get; } = [];

    public void Notice(int line, string reason) => Notices.Add(new ImportProblem(File, line, reason));

    public override string ToString() =>
        $"{Kind}: {Imported} imported ({Inserted} new, {Updated} updated), {Skipped} skipped of {Rows} rows";
}
