using System.Diagnostics;

namespace Gongjiang.Cli.Tests;

/// <summary>Runs the built CLI as its own process and captures what a user would see.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    internal static string CliDll()
    {
        // tests/Gongjiang.Cli.Tests/bin/<Configuration>/net10.0 → src/Gongjiang.Cli/bin/<Configuration>/net10.0/gongjiang.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gongjiang.slnx"))) root = root.Parent;
        var dll = Path.Combine(root!.FullName, "src", "Gongjiang.Cli", "bin", configuration, "net10.0", "gongjiang.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("The CLI is not built", dll);
    }

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) => RunAsync(TimeSpan.FromMinutes(5), workingDirectory, args);

    /// <summary>The same with its own time limit, for commands that start servers.</summary>
    public static async Task<Result> RunAsync(TimeSpan limit, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliDll());
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
