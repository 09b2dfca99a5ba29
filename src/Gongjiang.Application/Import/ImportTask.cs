namespace Gongjiang.Application.Import;

public enum ImportTaskState { Queued, Running, Done, Failed, Cancelled }

/// <summary>
/// A large upload imported in the background (a sheet of more than <see cref="ImportOptions.BackgroundAboveRows"/> rows):
/// who uploaded it, how far it got and the rows it could not import. The file itself is kept in <see cref="ImportTaskFile"/>
/// until the import ends.
/// </summary>
public sealed class ImportTask
{
    public string Id { get; set; } = "";
    /// <summary>The uploader: only they (and operators) may see or cancel the import.</summary>
    public string UserId { get; set; } = "";
    /// <summary><see cref="ImportSheet.Jobs"/> or <see cref="ImportSheet.Talent"/>.</summary>
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>An employer's own upload: every job becomes this employer's (null for operators).</summary>
    public string? OwnEmployerId { get; set; }
    public ImportTaskState State { get; set; }
    /// <summary>Set by a cancellation: the worker stops after the batch it is committing.</summary>
    public bool CancelRequested { get; set; }
    public int RowsTotal { get; set; }
    /// <summary>Rows checked and, when valid, committed (whole batches only).</summary>
    public int RowsDone { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Skipped { get; set; }
    /// <summary>The first <see cref="ImportTaskRunner.KeptErrors"/> rows not imported, one <c>line N: reason</c> a line.</summary>
    public string Errors { get; set; } = "";
    /// <summary>Why the import failed as a whole (state <see cref="ImportTaskState.Failed"/>).</summary>
    public string? Failure { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>While running, the worker holding the import renews this after every batch; a lapsed lease lets another node resume it.</summary>
    public DateTime? LeaseUntil { get; set; }

    public bool IsFinished => State is ImportTaskState.Done or ImportTaskState.Failed or ImportTaskState.Cancelled;
}

/// <summary>The uploaded file of an <see cref="ImportTask"/>, kept in the database so any node can run the import; removed when it ends.</summary>
public sealed class ImportTaskFile
{
    public string TaskId { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>Settings of bulk imports (configuration section <c>Import</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>A sheet with more rows than this is imported in the background, with a progress page; smaller ones at once.</summary>
    public int BackgroundAboveRows { get; set; } = 2000;
    /// <summary>Rows a background import commits together (one transaction).</summary>
    public int BatchRows { get; set; } = 500;
    /// <summary>How often the worker looks for queued imports.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>What the uploader sees of a background import.</summary>
public sealed record ImportProgress(string Id, string Kind, string File, ImportTaskState State, int RowsTotal, int RowsDone, int Inserted, int Updated,
    int Skipped, IReadOnlyList<string> Errors, bool CancelRequested, string? Failure, DateTime CreatedAt, DateTime? FinishedAt)
{
    public bool IsFinished => State is ImportTaskState.Done or ImportTaskState.Failed or ImportTaskState.Cancelled;
    public int Percent => RowsTotal == 0 ? 100 : (int)Math.Min(100, RowsDone * 100L / RowsTotal);

    public static ImportProgress Of(ImportTask t) => new(t.Id, t.Kind, t.FileName, t.State, t.RowsTotal, t.RowsDone, t.Inserted, t.Updated, t.Skipped,
        t.Errors.Length == 0 ? [] : t.Errors.Split('\n'), t.CancelRequested, t.Failure, t.CreatedAt, t.FinishedAt);
}
