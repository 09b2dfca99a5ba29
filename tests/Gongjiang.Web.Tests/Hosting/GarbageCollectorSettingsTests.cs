using System.Text.Json;

namespace Gongjiang.Web.Tests.Hosting;

/// <summary>
/// The platform runs the server garbage collector, concurrent, without dynamic adaptation: the workstation one of
/// .NET 10 sometimes turns a background collection into a blocking one (dotnet/runtime#13238), which stopped writes to
/// the matching index for about a second. Reads the runtime configuration the build writes beside the platform; the CLI
/// and the benchmark runner import the same settings (build/PlatformGarbageCollector.props).
/// </summary>
public sealed class GarbageCollectorSettingsTests
{
    [Fact]
    public void The_platform_runs_the_server_collector_concurrently_without_dynamic_adaptation()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Gongjiang.Web.runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }
}
