using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.LiveRooms;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Cli.Commands;

/// <summary>
/// <c>bench live</c> (docs/formats.md): starts one or two web nodes as child processes (two share the database and a Redis),
/// opens a room as the demo zone's HR, connects the simulated viewers with the .NET SignalR client spread over the nodes, has
/// the host announce <c>rate</c> messages a second for <c>seconds</c> seconds through the hub, and counts per viewer what
/// arrived, what was lost (announcement numbers it never got) and the latency (receive time − the server's send time, one clock).
/// </summary>
public static partial class BenchLive
{
    public sealed record Settings(int Viewers, int Nodes, int Seconds, int Rate, string? Database, string? Redis, bool MessagePack,
        TimeSpan ConnectTimeout, TimeSpan ConnectPhase, TimeSpan Drain, int ConnectConcurrency);

    /// <summary>The report; the first fourteen fields are the contract of docs/formats.md (fields are added, never renamed).</summary>
    public sealed record Report(
        [property: JsonPropertyName("viewers")] int Viewers,
        [property: JsonPropertyName("nodes")] int Nodes,
        [property: JsonPropertyName("rate")] int Rate,
        [property: JsonPropertyName("seconds")] int Seconds,
        [property: JsonPropertyName("connected")] int Connected,
        [property: JsonPropertyName("connect_s")] double ConnectSeconds,
        [property: JsonPropertyName("sent")] int Sent,
        [property: JsonPropertyName("expected")] long Expected,
        [property: JsonPropertyName("delivered")] long Delivered,
        [property: JsonPropertyName("lost")] long Lost,
        [property: JsonPropertyName("p50_ms")] double P50Ms,
        [property: JsonPropertyName("p99_ms")] double P99Ms,
        [property: JsonPropertyName("max_ms")] double MaxMs,
        [property: JsonPropertyName("server_rss_mb")] double ServerRssMb,
        [property: JsonPropertyName("client_rss_mb")] double ClientRssMb,
        [property: JsonPropertyName("protocol")] string Protocol,
        [property: JsonPropertyName("db")] string Database,
        [property: JsonPropertyName("refused_sends")] int RefusedSends,
        [property: JsonPropertyName("viewers_missing_any")] int ViewersMissingAny,
        [property: JsonPropertyName("failed_sends")] int FailedSends,
        [property: JsonPropertyName("host_reconnects")] int HostReconnects);

    /// <summary>A room broadcast as the viewers receive it (docs/formats.md, "Live room hub").</summary>
    public sealed class Broadcast
    {
        public string RoomId { get; set; } = "";
        public long Seq { get; set; }
        public long SentAt { get; set; }
        public string Kind { get; set; } = "";
        public string Data { get; set; } = "";
    }

    /// <summary>The part of a hub reply the bench reads.</summary>
    public sealed class Reply
    {
        public bool Ok { get; set; }
        public string? Code { get; set; }
        public string? Message { get; set; }
        public Broadcast? Value { get; set; }
    }

    public sealed class JoinReply
    {
        public bool Ok { get; set; }
        public string? Code { get; set; }
        public string? Message { get; set; }
    }

    /// <summary>One simulated viewer: what announcements it got (by number) and how late each was.</summary>
    private sealed class Viewer
    {
        public HubConnection? Connection;
        public bool Joined;
        public readonly Lock Gate = new();
        public readonly Dictionary<long, int> LatencyBySeq = [];
    }

    public static async Task<Report> RunAsync(Settings settings, Action<string> log, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("gongjiang-bench-live-");
        var database = settings.Database ?? Path.Combine(work.FullName, "live.db");
        var nodes = new List<Node>();
        Process? redisProcess = null;
        var viewers = Enumerable.Range(0, settings.Viewers).Select(_ => new Viewer()).ToArray();
        try
        {
            var redis = settings.Redis;
            if (settings.Nodes > 1 && redis is null)
            {
                var port = FreePort();
                redisProcess = StartRedis(port);
                redis = $"127.0.0.1:{port}";
                log($"redis-server started on {redis}");
            }

            // The nodes one after the other: the first creates and seeds the database, the second finds it ready.
            for (var i = 0; i < settings.Nodes; i++)
            {
                var node = Node.Start(database, redis, settings, work.FullName);
                nodes.Add(node);
                await node.WaitUntilReadyAsync(TimeSpan.FromMinutes(10), ct);
                log($"node {i + 1} ready at {node.Url} (pid {node.Process.Id})");
            }

            var room = await OpenRoomAsync(database, ct);
            log($"room {room.Id} on air");
            using var rss = new RssSampler(nodes.Select(n => n.Process).ToList());

            // The host: signed in as the demo HR on the first node, announcing through the hub.
            var cookies = await SignInAsync(nodes[0].Url, ct);
            var host = Connection(nodes[0].Url, settings.MessagePack, cookies, null);
            await host.StartAsync(ct);

            // The viewers, spread over the nodes, bounded in number at once and in time.
            var connectWatch = Stopwatch.StartNew();
            using (var phase = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                phase.CancelAfter(settings.ConnectPhase);
                using var gate = new SemaphoreSlim(settings.ConnectConcurrency);
                var progress = 0;
                await Task.WhenAll(viewers.Select(async (viewer, i) =>
                {
                    try { await gate.WaitAsync(phase.Token); }
                    catch (OperationCanceledException) { return; }
                    try
                    {
                        await ConnectViewerAsync(viewer, i, nodes[i % nodes.Count].Url, room, settings, phase.Token);
                        var done = Interlocked.Increment(ref progress);
                        if (done % 1000 == 0) log($"{done} viewers joined ({connectWatch.Elapsed.TotalSeconds:F1} s)");
                    }
                    catch (Exception e) when (e is OperationCanceledException or HttpRequestException or System.Net.WebSockets.WebSocketException or InvalidOperationException or IOException or TimeoutException)
                    {
                        // Counted as not connected.
                    }
                    finally { gate.Release(); }
                }));
            }
            var connectSeconds = connectWatch.Elapsed.TotalSeconds;
            var connected = viewers.Count(v => v.Joined);
            log($"{connected} of {settings.Viewers} viewers joined in {connectSeconds:F1} s");

            // The host announces `rate` a second for `seconds` seconds; each announcement's number is kept.
            var sentSeqs = new List<long>();
            var refused = 0;
            var failedSends = 0;
            var hostReconnects = 0;
            using (var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / settings.Rate)))
            {
                var total = settings.Rate * settings.Seconds;
                var sending = Stopwatch.StartNew();
                for (var i = 0; i < total && sending.Elapsed < TimeSpan.FromSeconds(settings.Seconds + 5); i++)
                {
                    await ticker.WaitForNextTickAsync(ct);
                    try
                    {
                        if (host.State == HubConnectionState.Disconnected)
                        {
                            // The node dropped the host (overloaded past its client timeout): it signs in again, as a host's console does.
                            hostReconnects++;
                            log($"the host's connection was dropped; reconnecting ({hostReconnects})");
                            using var reconnect = CancellationTokenSource.CreateLinkedTokenSource(ct);
                            reconnect.CancelAfter(settings.ConnectTimeout);
                            await host.StartAsync(reconnect.Token);
                        }
                        var reply = await host.InvokeAsync<Reply>("Announce", room.Id, $"第{i + 1}条", ct);
                        if (reply is { Ok: true, Value: { } b }) sentSeqs.Add(b.Seq);
                        else refused++;
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested && e is InvalidOperationException or Microsoft.AspNetCore.SignalR.HubException or IOException
                        or TimeoutException or OperationCanceledException or System.Net.WebSockets.WebSocketException or HttpRequestException)
                    {
                        if (failedSends++ == 0) log($"an announcement could not be sent: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
            log($"{sentSeqs.Count} announcements sent ({refused} refused, {failedSends} lost on the host's connection); waiting for deliveries");

            // Deliveries still on their way get a bounded time to arrive.
            var expected = (long)sentSeqs.Count * connected;
            var drainUntil = DateTime.UtcNow + settings.Drain;
            while (DateTime.UtcNow < drainUntil && Delivered(viewers, sentSeqs) < expected) await Task.Delay(200, ct);

            var latencies = new List<int>(capacity: (int)Math.Min(expected, int.MaxValue / 2));
            var delivered = 0L;
            var missingAny = 0;
            var wanted = sentSeqs.ToHashSet();
            foreach (var viewer in viewers.Where(v => v.Joined))
                lock (viewer.Gate)
                {
                    var got = 0;
                    foreach (var (seq, latency) in viewer.LatencyBySeq)
                        if (wanted.Contains(seq)) { got++; latencies.Add(latency); }
                    delivered += got;
                    if (got < sentSeqs.Count) missingAny++;
                }
            latencies.Sort();
            var serverRss = rss.PeakMegabytes();
            var clientRss = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1);

            await host.DisposeAsync();
            return new Report(settings.Viewers, settings.Nodes, settings.Rate, settings.Seconds, connected, Math.Round(connectSeconds, 2),
                sentSeqs.Count, expected, delivered, expected - delivered, Percentile(latencies, 0.50), Percentile(latencies, 0.99),
                latencies.Count == 0 ? 0 : latencies[^1], serverRss, clientRss, settings.MessagePack ? "messagepack" : "json",
                settings.Database is null ? "sqlite (temporary)" : Application.Persistence.DatabaseTarget.Parse(settings.Database).Provider.ToString().ToLowerInvariant(),
                refused, missingAny, failedSends, hostReconnects);
        }
        finally
        {
            using var gate = new SemaphoreSlim(200);
            await Task.WhenAll(viewers.Where(v => v.Connection is not null).Select(async v =>
            {
                await gate.WaitAsync(CancellationToken.None);
                try { await v.Connection!.DisposeAsync(); }
                catch (Exception e) when (e is not OutOfMemoryException) { /* the node may be gone already */ }
                finally { gate.Release(); }
            }));
            foreach (var node in nodes) node.Stop();
            if (redisProcess is { HasExited: false }) { redisProcess.Kill(); await redisProcess.WaitForExitAsync(CancellationToken.None); }
            redisProcess?.Dispose();
            try { work.Delete(recursive: true); }
            catch (IOException) { }
        }
    }

    private static long Delivered(Viewer[] viewers, List<long> sent)
    {
        var total = 0L;
        foreach (var viewer in viewers)
            if (viewer.Joined)
                lock (viewer.Gate)
                    foreach (var seq in sent)
                        if (viewer.LatencyBySeq.ContainsKey(seq)) total++;
        return total;
    }

    private static double Percentile(List<int> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task ConnectViewerAsync(Viewer viewer, int index, string url, LiveRoomSummary room, Settings settings, CancellationToken phase)
    {
        var connection = Connection(url, settings.MessagePack, null, $"bench{index:D6}{Guid.NewGuid():N}");
        viewer.Connection = connection;
        connection.On<Broadcast>("room", b =>
        {
            if (b.Kind != LiveRoomEventKinds.Announcement) return;
            var latency = (int)Math.Max(0, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - b.SentAt);
            lock (viewer.Gate) viewer.LatencyBySeq.TryAdd(b.Seq, latency);
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(phase);
        timeout.CancelAfter(settings.ConnectTimeout);
        await connection.StartAsync(timeout.Token);
        // It holds the room as it opened (status), so the state it gets carries no backlog.
        var reply = await connection.InvokeAsync<JoinReply>("Join", room.Id, 1L, timeout.Token);
        viewer.Joined = reply.Ok;
    }

    private static HubConnection Connection(string url, bool messagePack, CookieContainer? cookies, string? viewerKey)
    {
        var builder = new HubConnectionBuilder().WithUrl(url + LiveRoomHubPath, o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (cookies is not null) o.Cookies = cookies;
            else if (viewerKey is not null) o.Headers["Cookie"] = "gj_viewer=" + viewerKey;
        });
        if (messagePack) builder.AddMessagePackProtocol();
        return builder.Build();
    }

    private const string LiveRoomHubPath = "/hubs/live";

    private static async Task<LiveRoomSummary> OpenRoomAsync(string database, CancellationToken ct)
    {
        await using var cli = await CliHost.OpenAsync(database, ct);
        var room = await cli.Get<IUseCases>().RunAsync(new OpenLoadTestLiveRoom.Command($"负载测量 {DateTime.UtcNow:HH:mm:ss}"), ct);
        return room.Succeeded ? room.Value : throw new CliUsageException(Application.Common.Results.ErrorText.EnglishLine(room.Errors));
    }

    /// <summary>Signs in as the demo zone's HR through the sign-in page, as a browser does; the cookies the hub connection carries.</summary>
    private static async Task<CookieContainer> SignInAsync(string url, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        var form = await http.GetStringAsync("/Account/Login", ct);
        var token = AntiForgeryToken().Match(form).Groups[1].Value;
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = Application.DemoZone.DemoAccounts.All[1].UserName, ["Password"] = Application.DemoZone.DemoAccounts.Password,
            ["__RequestVerificationToken"] = token,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new CliUsageException($"{url}/Account/Login: the demo HR could not sign in ({(int)response.StatusCode})");
        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryToken();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process StartRedis(int port)
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            start.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception)
        { throw new CliUsageException("--nodes 2: needs a Redis; give one with --redis host:port, or put redis-server on PATH"); }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return process;
            }
            catch (SocketException) { Thread.Sleep(100); }
        }
        process.Kill();
        throw new CliUsageException($"redis-server did not start on port {port}");
    }

    /// <summary>One web node: <c>gongjiang serve</c> as a child process on a free loopback port.</summary>
    private sealed class Node
    {
        private readonly Queue<string> _lastLines = new();

        private Node(Process process, string url)
        {
            Process = process;
            Url = url;
        }

        public Process Process { get; }
        public string Url { get; }

        public static Node Start(string database, string? redis, Settings settings, string work)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            var (file, prefix) = SelfCommand();
            var start = new ProcessStartInfo(file) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in prefix.Concat(["serve", "--urls", url, "--db", database])) start.ArgumentList.Add(a);
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Logging__LogLevel__Gongjiang.Startup"] = "Information";
            if (redis is not null) start.Environment["SignalR__Redis"] = redis;
            // The simulated viewers all come from one loopback address; real ones come from many.
            start.Environment["RateLimits__PerAddressPerMinute"] = "10000000";
            // The host's send budget covers the rate asked for.
            start.Environment["Hubs__SendsPerSecond"] = Math.Max(2, settings.Rate).ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["Hubs__SendBurst"] = Math.Max(5, settings.Rate * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var process = new Process { StartInfo = start };
            var node = new Node(process, url);
            process.OutputDataReceived += (_, e) => node.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return node;
        }

        private void Keep(string? line)
        {
            if (line is null) return;
            lock (_lastLines)
            {
                _lastLines.Enqueue(line);
                while (_lastLines.Count > 40) _lastLines.Dequeue();
            }
        }

        private string LastLines()
        {
            lock (_lastLines) return string.Join('\n', _lastLines);
        }

        public async Task WaitUntilReadyAsync(TimeSpan limit, CancellationToken ct)
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow + limit;
            while (DateTime.UtcNow < deadline)
            {
                if (Process.HasExited) throw new CliUsageException($"{Url}: the node ended with {Process.ExitCode}:\n{LastLines()}");
                try
                {
                    using var response = await client.GetAsync(Url + "/api/v1/jobs", ct);
                    if (response.IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
                await Task.Delay(250, ct);
            }
            throw new CliUsageException($"{Url}: the node did not answer within {limit.TotalSeconds:F0} s:\n{LastLines()}");
        }

        public void Stop()
        {
            try
            {
                if (!Process.HasExited)
                {
                    Process.Kill(entireProcessTree: true);
                    Process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException) { }
            Process.Dispose();
        }

        /// <summary>How this very command is started again: the apphost itself, or <c>dotnet gongjiang.dll</c>.</summary>
        private static (string File, string[] Prefix) SelfCommand()
        {
            var self = Environment.ProcessPath ?? "dotnet";
            return Path.GetFileNameWithoutExtension(self) == "dotnet"
                ? (self, [Assembly.GetEntryAssembly()!.Location])
                : (self, []);
        }
    }

    /// <summary>The nodes' resident memory together, sampled twice a second; the highest sum seen.</summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly List<Process> _processes;
        private readonly Timer _timer;
        private long _peak;

        public RssSampler(List<Process> processes)
        {
            _processes = processes;
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        }

        private void Sample()
        {
            long sum = 0;
            foreach (var p in _processes)
            {
                try { p.Refresh(); sum += p.WorkingSet64; }
                catch (InvalidOperationException) { }
            }
            InterlockedMax(ref _peak, sum);
        }

        private static void InterlockedMax(ref long target, long value)
        {
            for (var current = Interlocked.Read(ref target); value > current; current = Interlocked.Read(ref target))
                if (Interlocked.CompareExchange(ref target, value, current) == current) return;
        }

        public double PeakMegabytes()
        {
            Sample();
            return Math.Round(Interlocked.Read(ref _peak) / 1048576.0, 1);
        }

        public void Dispose() => _timer.Dispose();
    }
}
