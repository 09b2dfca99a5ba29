using System.CommandLine;

namespace Gongjiang.Cli;

/// <summary>A user's mistake: printed as one line (ideally <c>file:line: reason</c>) and exit code 1, never a stack trace.</summary>
public sealed class CliUsageException(string message) : Exception(message);

public static class CliRunner
{
    public static int Run(RootCommand root, string[] args)
    {
        try
        {
            var parse = root.Parse(args);
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine($"{e.FileName}: file not found");
            return 1;
        }
        catch (DirectoryNotFoundException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>Reads an input file, turning a missing file into a clear user error.</summary>
    public static void RequireFile(string path)
    {
        if (!File.Exists(path)) throw new CliUsageException($"{path}: file not found");
    }
}
