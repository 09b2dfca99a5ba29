using System.CommandLine;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Privacy;

namespace Gongjiang.Cli.Commands;

/// <summary><c>gongjiang keys rotate</c>: a new key for personal information, and every row re-encrypted with it.</summary>
public static class KeysCommands
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var batch = new Option<int>("--batch") { Description = "Rows re-encrypted per transaction", DefaultValueFactory = _ => 500 };
        var rotate = new Command("rotate", "Adds a new key, makes it current and re-encrypts every contact row in batches; old keys keep decrypting until it finishes.") { db, batch };
        rotate.SetAction(async (parse, ct) =>
        {
            var size = parse.GetValue(batch);
            if (size is < 1 or > 100_000) throw new CliUsageException("--batch: between 1 and 100000");
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var context = host.Get<AppDbContext>();
            var result = await host.Get<KeyRotationService>().RotateAsync(size, ct: ct);
            Console.WriteLine($"key {result.NewKeyId} is current ({context.Protector!.KeyFile}); {result.RowsResealed} contact rows re-encrypted");
            return 0;
        });
        var status = new Command("status", "Shows the key file, its keys and the current key.") { db };
        status.SetAction(async (parse, ct) =>
        {
            await using var host = await CliHost.OpenAsync(parse.GetValue(db), ct);
            var protector = host.Get<AppDbContext>().Protector!;
            Console.WriteLine($"key file: {protector.KeyFile}");
            Console.WriteLine($"keys: {string.Join(", ", protector.KeyIds)}; current: {protector.CurrentKeyId}");
            return 0;
        });
        return new Command("keys", "Keys that encrypt personal information at rest.") { rotate, status };
    }
}
