using System.CommandLine;
using Gongjiang.Web;

namespace Gongjiang.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var db = CommonOptions.Database();
        var empty = new Option<bool>("--empty") { Description = "Start without the demo zone (演示园区)" };
        var command = new Command("serve", "Runs the web platform (the same as `dotnet run` of the web project).") { urls, db, empty };
        command.SetAction(parse =>
        {
            var webArgs = new List<string> { "--urls", parse.GetValue(urls)! };
            if (parse.GetValue(db) is { } database) webArgs.AddRange(["--db", database]);
            if (parse.GetValue(empty)) webArgs.Add("--empty");
            return WebApp.Run(webArgs.ToArray(), RepositoryLocator.WebContentRoot());
        });
        return command;
    }
}
