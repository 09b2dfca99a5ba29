using System.CommandLine;
using System.Globalization;
using Gongjiang.Application.Common;
using Gongjiang.Application.DemoZone;
using Gongjiang.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Cli.Commands;

/// <summary>
/// <c>demo live</c>: a finished live room of seed 000's size, replayed through the application's use cases into the database
/// (the demo zone is created first when the database has none). Prints the room's id on its last line.
/// </summary>
public static class DemoCommands
{
    public static Command Create()
    {
        var command = new Command("demo", "Demonstrations built through the application's use cases.");
        command.Subcommands.Add(Live());
        return command;
    }

    private static Command Live()
    {
        var db = CommonOptions.Database();
        var seed = new Option<int>("--seed") { Description = "Seed of the viewers' choices: the same seed gives the same room", DefaultValueFactory = _ => 0 };
        var live = new Command("live", "A finished live recruiting room of seed 000's size (about 13,000 viewers, 450+ applications, " +
            "about 70 mic links) with its statistics; prints the room's id on its last line.") { db, seed };
        live.SetAction(async (parse, ct) =>
        {
            var clock = new ReplayClock();
            var args = parse.GetValue(db) is { } database ? new[] { "--db", database } : [];
            await using var app = WebApp.Build(args, RepositoryLocator.WebContentRoot(), services =>
            {
                services.AddSingleton(clock);
                services.AddSingleton<TimeProvider>(clock);
            });
            var builder = ActivatorUtilities.CreateInstance<DemoLiveRoomBuilder>(app.Services, clock);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            DemoLiveRoom room;
            try { room = await builder.BuildAsync(parse.GetValue(seed), ct); }
            catch (InvalidOperationException e) { throw new CliUsageException("demo live: " + e.Message); }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"demo live room: {room.Viewers} viewers, {room.Actions} actions replayed in {watch.Elapsed.TotalSeconds:F0} s"));
            foreach (var (what, count) in room.Done) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: {count}"));
            var t = room.Totals;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"statistics: peak_viewers={t.PeakViewers} unique_viewers={t.UniqueViewers} watch_minutes={t.WatchSeconds / 60} questions={t.Questions} " +
                $"answers={t.Answers} mic_links={t.MicLinks} mic_minutes={t.MicMinutes} applications={t.Applications} invitations={t.Invitations} offers={t.Offers}"));
            Console.WriteLine(room.RoomId);
            return 0;
        });
        return live;
    }
}
