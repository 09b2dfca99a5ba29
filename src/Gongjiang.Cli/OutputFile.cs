using System.Globalization;
using System.Text;
using CsvHelper;

namespace Gongjiang.Cli;

/// <summary>
/// Every file the CLI writes goes through here: written to a temporary file beside the target and renamed into
/// place, so a crash never leaves half a file; CSV cells are neutralised against spreadsheet formula injection.
/// </summary>
public static class OutputFile
{
    public static async Task WriteAsync(string path, Func<StreamWriter, Task> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) throw new CliUsageException($"{path}: directory {directory} does not exist");
        if (Directory.Exists(full)) throw new CliUsageException($"{path}: is a directory, expected a file path");
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            await using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
                await write(writer);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>A binary file (a workbook) written whole.</summary>
    public static Task WriteBytesAsync(string path, byte[] content) =>
        WriteAsync(path, async writer =>
        {
            await writer.FlushAsync();
            await writer.BaseStream.WriteAsync(content);
        });

    public static Task WriteCsvAsync(string path, Func<CsvWriter, Task> write) =>
        WriteAsync(path, async writer =>
        {
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            await write(csv);
        });

    public static void WriteCsv(string path, Action<CsvWriter> write) =>
        WriteCsvAsync(path, csv => { write(csv); return Task.CompletedTask; }).GetAwaiter().GetResult();

    /// <summary>Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading apostrophe.</summary>
    public static string SpreadsheetSafe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";
}
