using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Host.Serve;
using ArchiveBridge.Host.Webhooks;
using ArchiveBridge.TestUtils;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Benchmarks;

/// <summary>
/// Webhook intake: the same signed Standard Webhooks load against <c>serve</c> (verify, validate, group commit with
/// fsync, 202) and against a bare Kestrel endpoint that only answers 202, in one run on one machine. Prints
/// accepted/s and p50/p99 latency for both and their ratio (targets: ratio at least 0.25, serve's p99 under
/// 50 ms); then how large the group commits were and how fast the inbox drained into records.
/// </summary>
internal static class WebhookBench
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Connector = "oa-push";

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = BenchArgs.Int(args, "--requests", 20_000);
        var concurrency = BenchArgs.Int(args, "--concurrency", 32);
        var warmUp = Math.Min(1_000, Math.Max(100, requests / 20));
        // --no-drain: intake alone, without the inbox processor archiving (and taking CPU and the archive's write lock) meanwhile.
        var drain = !BenchArgs.Flag(args, "--no-drain");
        using var dir = new TempDirectory();
        Console.WriteLine($"webhook bench: {requests:N0} signed webhooks per target, {concurrency} connections, {warmUp:N0} warm-up, {Environment.ProcessorCount} cores{(drain ? "" : ", inbox processor off")}");

        await using var bare = await StartBareAsync();
        var bareResult = await LoadAsync(Address(bare), "bare", requests, warmUp, concurrency);
        Report("bare Kestrel 202", bareResult);

        await using var serve = await StartServeAsync(dir, drain);
        var commits = 0;
        serve.Services.GetRequiredService<InboxWriter>().Committed += _ => Interlocked.Increment(ref commits);
        var serveResult = await LoadAsync(Address(serve), "serve", requests, warmUp, concurrency);
        Report("archivebridge serve", serveResult);

        var ratio = serveResult.PerSecond / Math.Max(1, bareResult.PerSecond);
        var ok = ratio >= 0.25 && serveResult.P99Ms < 50 && serveResult.Accepted == requests;
        Console.WriteLine($"ratio serve/bare {ratio:N2} (target >= 0.25); serve p99 {serveResult.P99Ms:N1} ms (target < 50) -> {(ok ? "PASS" : "MISS")}");
        await ReportInboxAsync(dir, requests + warmUp, Volatile.Read(ref commits), drain);
        await serve.StopAsync();
        SqliteConnection.ClearAllPools();
        return ok ? 0 : 1;
    }

    private static async Task<WebApplication> StartBareAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/webhooks/{connectorId}", (string connectorId) => Results.StatusCode(StatusCodes.Status202Accepted));
        await app.StartAsync();
        return app;
    }

    private static async Task<WebApplication> StartServeAsync(TempDirectory dir, bool drain)
    {
        await File.WriteAllTextAsync(dir.Combine("bench-mapping.json"), """
            { "name": "webhook-bench", "category": "WS", "key": "{编号}",
              "fields": { "title": "题名 | trim | required", "docNumber": "文号 | trim", "date": "日期 | date('yyyy-MM-dd') | required",
                          "retention": "'D30'", "security": "密级 | default('公开')", "org": "'BGS'" } }
            """);
        var config = dir.Combine("archivebridge.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "store": { "connectionString": "Data Source={{dir.Combine("archive.db")}}", "blobs": "blobs" },
              "archive": { "fonds": "Z001", "fondsUnit": "华东示范集团有限公司" },
              "connectors": [ { "id": "{{Connector}}", "type": "webhook", "mapping": "bench-mapping.json",
                                "webhook": { "verify": "standard", "secret": "{{Secret}}", "mode": "document" } } ],
              "server": { "urls": "http://127.0.0.1:0" }
            }
            """);
        // Only warnings: the per-pass information lines would measure the console, not serve.
        var app = ServeApp.Build(ConfigLoader.Load(config), services =>
        {
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            // A processor with no connectors returns at once: the entries stay pending.
            if (!drain)
                services.AddSingleton(sp => ActivatorUtilities.CreateInstance<InboxProcessor>(sp, new WebhookConnectors([])));
        });
        await app.StartAsync();
        return app;
    }

    private static Uri Address(WebApplication app) => new(ServeApp.Addresses(app)[0]);

    private static async Task<LoadResult> LoadAsync(Uri address, string prefix, int requests, int warmUp, int concurrency)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        await SendAllAsync(client, Sign($"{prefix}-warm", warmUp), concurrency);
        // Signed up front so the measured loop costs the client the same for both targets.
        return await SendAllAsync(client, Sign(prefix, requests), concurrency);
    }

    private static SignedPost[] Sign(string prefix, int count)
    {
        var verifier = StandardWebhookVerifier.FromSecret(Secret, TimeSpan.FromMinutes(5));
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var posts = new SignedPost[count];
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-{i:D7}";
            var body = Encoding.UTF8.GetBytes($$"""{"编号":"OA-{{id}}","题名":"关于{{id}}号文件归档的通知","日期":"2024-06-18","文号":"华东办〔2024〕{{i}}号","密级":"内部"}""");
            posts[i] = new SignedPost(id, timestamp, verifier.Sign(id, timestamp, body), body);
        }
        return posts;
    }

    private static async Task<LoadResult> SendAllAsync(HttpClient client, SignedPost[] posts, int concurrency)
    {
        var latencies = new double[posts.Length];
        var accepted = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < posts.Length)
            {
                var post = posts[i];
                using var content = new ByteArrayContent(post.Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{Connector}") { Content = content };
                request.Headers.Add(StandardWebhookVerifier.IdHeader, post.Id);
                request.Headers.Add(StandardWebhookVerifier.TimestampHeader, post.Timestamp);
                request.Headers.Add(StandardWebhookVerifier.SignatureHeader, post.Signature);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request).ConfigureAwait(false);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.Accepted) Interlocked.Increment(ref accepted);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)));
        total.Stop();
        Array.Sort(latencies);
        return new LoadResult(posts.Length, accepted, total.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void Report(string name, LoadResult r) =>
        Console.WriteLine($"{name,-20} {r.Accepted:N0}/{r.Sent:N0} accepted in {r.Elapsed.TotalSeconds:N2} s = {r.PerSecond:N0} accepted/s; " +
            $"latency p50 {r.P50Ms:N2} ms, p99 {r.P99Ms:N2} ms, max {r.MaxMs:N1} ms");

    /// <summary>Where serve's time went: webhooks per fsync'd group commit, and how far the background archiving got.</summary>
    private static async Task ReportInboxAsync(TempDirectory dir, int expected, int commits, bool drain)
    {
        // The inbox is its own file beside the archive (store.inbox's default).
        await using var connection = new SqliteConnection($"Data Source={dir.Combine("inbox.db")};Pooling=False;Default Timeout=60");
        await connection.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        var processedAtEnd = await CountAsync("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'processed'");
        Console.WriteLine($"serve inbox: {expected:N0} webhooks in {commits:N0} group commits ({expected / (double)Math.Max(1, commits):N1} per fsync); " +
            $"{processedAtEnd:N0} already archived when the load ended");
        if (!drain) return;
        // Background archiving continues after the load; measure its rate for a bounded while.
        var elapsed = Stopwatch.StartNew();
        long pending;
        while ((pending = await CountAsync("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'pending'")) > 0 && elapsed.Elapsed < TimeSpan.FromSeconds(120))
            await Task.Delay(50);
        var processed = await CountAsync("SELECT COUNT(*) FROM webhook_inbox WHERE status = 'processed'");
        var rate = (processed - processedAtEnd) / Math.Max(0.001, elapsed.Elapsed.TotalSeconds);
        Console.WriteLine($"serve inbox drain: {processed:N0} archived, {pending:N0} still pending after {elapsed.Elapsed.TotalSeconds:N1} s more ({rate:N0} records/s after the load)");
    }

    private sealed record SignedPost(string Id, string Timestamp, string Signature, byte[] Body);

    private sealed record LoadResult(int Sent, int Accepted, TimeSpan Elapsed, double P50Ms, double P99Ms, double MaxMs)
    {
        public double PerSecond => Accepted / Math.Max(0.001, Elapsed.TotalSeconds);
    }
}
