using System.CommandLine;
using Gongjiang.Cli;
using Gongjiang.Cli.Commands;

// 工匠 command line: a thin shell over the same application services the web app uses.
var root = new RootCommand("工匠 Gongjiang — talent services for high-tech manufacturing (人岗精准匹配).");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(DbCommands.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(PostingsCommands.Create());
root.Subcommands.Add(TitlesCommands.Create());
root.Subcommands.Add(MatchCommands.Create());
root.Subcommands.Add(RankerCommands.Create());
root.Subcommands.Add(CatalogCommands.Create());
root.Subcommands.Add(ReportCommands.Create());
root.Subcommands.Add(BenchCommands.Create());
root.Subcommands.Add(DemoCommands.Create());
root.Subcommands.Add(KeysCommands.Create());
root.Subcommands.Add(RetentionCommands.Create());
root.Subcommands.Add(SkillsCommands.Create());
return CliRunner.Run(root, args);
