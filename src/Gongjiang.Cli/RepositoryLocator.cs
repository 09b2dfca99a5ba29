namespace Gongjiang.Cli;

/// <summary>Finds the repository from the CLI's own location, so `gongjiang` works from any working folder.</summary>
public static class RepositoryLocator
{
    public static string? Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gongjiang.slnx"))) return dir.FullName;
        return null;
    }

    /// <summary>The web project's folder (its wwwroot holds the static assets); the CLI's own folder when installed elsewhere.</summary>
    public static string WebContentRoot() =>
        Root() is { } root ? Path.Combine(root, "src", "Gongjiang.Web") : AppContext.BaseDirectory;
}
