using System.Collections.Concurrent;
using ArchiveBridge.Host.Tests.Cli;
using ArchiveBridge.Host.Tests.Support;
using ArchiveBridge.TestUtils;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ArchiveBridge.Host.Tests.Serve;

/// <summary>
/// The promise behind every 202 (DESIGN §8, §11), checked on the real executable: serve is SIGKILLed while
/// signed webhooks are in flight and its inbox processor is archiving them; after a restart on the same store,
/// every webhook that got a 202 is in the inbox once, processed, and archived once, whatever the kill cut.
/// </summary>
public sealed class ServeCrashTests(ITestOutputHelper output)
{
    private const string Connector = "oa-push";
    private const string SecretVariable = "ARCHIVEBRIDGE_CRASH_TEST_SECRET";
    private const int Total = 300;
    private const int Concurrency = 16;
    private const int WarmUp = 100;
    private const int KillAfterAccepted = 50;

    [Fact]
    public async Task Serve_KilledWhileWebhooksArrive_EveryAcceptedWebhookIsArchivedOnceAfterRestart()
    {
        using var temp = new TempDirectory();
        var config = WriteConfig(temp);
        var environment = new Dictionary<string, string?> { [SecretVariable] = ServeTestHost.StandardSecret };
        var ids = Enumerable.Range(1, Total).Select(i => $"crash-{i:D4}").ToList();

        var accepted = new ConcurrentDictionary<string, bool>();
        using (var first = await ServeProcess.StartAsync(config, environment))
        {
            // First a warm-up wave, until the processor is archiving; then the kill lands while both webhooks
            // are being received and a pipeline run is writing records.
            await WebhookPoster.PostAsync(first.BaseAddress, ids[..WarmUp], Body, id => accepted[id] = true).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(WarmUp, accepted.Count);
            await WaitUntilAsync(temp, first, "SELECT COUNT(*) > 0 FROM records");

            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var posting = WebhookPoster.PostAsync(first.BaseAddress, ids[WarmUp..], Body, id =>
            {
                accepted[id] = true;
                if (accepted.Count >= WarmUp + KillAfterAccepted) enough.TrySetResult();
            });
            await Task.WhenAny(enough.Task, posting).WaitAsync(TimeSpan.FromSeconds(60));
            first.Kill();
            await posting.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(accepted.Count >= WarmUp + KillAfterAccepted, $"only {accepted.Count} webhooks accepted before the kill\n{first.Output}");
            Assert.True(accepted.Count < Total, "every post was answered before the kill: nothing was in flight");
            var released = await ReleaseLeaseOfDeadProcessAsync(temp, first.Id);
            var inboxAtKill = (await RowsAsync(temp, "SELECT COUNT(*), COUNT(*) FILTER (WHERE status = 'pending'), (SELECT COUNT(*) FROM records) FROM inbox.webhook_inbox"))[0];
            output.WriteLine($"killed after {accepted.Count} of {Total} got 202; inbox held {inboxAtKill[0]} ({inboxAtKill[1]} pending), records {inboxAtKill[2]}; " +
                $"lease of the killed run released: {released}");
        }

        using var second = await ServeProcess.StartAsync(config, environment);
        // The sender retries what got no 202: some of those were committed before the kill (their 202 was lost).
        var retried = new ConcurrentDictionary<string, bool>();
        await WebhookPoster.PostAsync(second.BaseAddress, [.. ids.Where(id => !accepted.ContainsKey(id))], Body, id => retried[id] = true)
            .WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Total, accepted.Count + retried.Count);
        output.WriteLine($"after restart: {retried.Count} retried webhooks accepted");
        await WaitUntilAsync(temp, second,
            $"SELECT COUNT(*) = {Total} AND COUNT(*) FILTER (WHERE status = 'pending') = 0 FROM inbox.webhook_inbox WHERE connector_id = '{Connector}'");

        var inbox = await RowsAsync(temp, $"SELECT webhook_id, COUNT(*), MIN(status), MAX(status) FROM inbox.webhook_inbox WHERE connector_id = '{Connector}' GROUP BY webhook_id");
        Assert.Equal(ids.Order(StringComparer.Ordinal), inbox.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(inbox, r => Assert.Equal($"{r[0]}: 1 row, processed", $"{r[0]}: {r[1]} row, {r[2]}{(r[2] == r[3] ? "" : "/" + r[3])}"));
        var records = await RowsAsync(temp, $"SELECT source_key, COUNT(*), MAX(version), MAX(duplicate_of) FROM records WHERE connector_id = '{Connector}' GROUP BY source_key");
        Assert.Equal(ids.Select(DocumentNumber).Order(StringComparer.Ordinal), records.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal($"{r[0]}: 1 record, version 1, not a duplicate", $"{r[0]}: {r[1]} record, version {r[2]}, {(r[3] is null ? "not a duplicate" : "duplicate of " + r[3])}"));
        Assert.Equal("0", (await RowsAsync(temp, "SELECT COUNT(*) FROM quarantine"))[0][0]);
        // The inbox is another file than the archive: each receipt still reaches the audit chain once.
        var receipts = await RowsAsync(temp, "SELECT e.value ->> 'webhookId', COUNT(*) FROM audit_log a, json_each(a.details, '$.entries') e " +
            $"WHERE a.action = 'webhook.received' AND e.value ->> 'connector' = '{Connector}' GROUP BY 1");
        Assert.Equal(ids.Order(StringComparer.Ordinal), receipts.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(receipts, r => Assert.Equal($"{r[0]}: audited 1 time", $"{r[0]}: audited {r[1]} time"));
    }

    private static string DocumentNumber(string webhookId) => "OA-" + webhookId.ToUpperInvariant();

    private static string Body(string webhookId) => SignedWebhook.Document(DocumentNumber(webhookId), $"关于{webhookId}号文件归档的通知");

    private static string WriteConfig(TempDirectory temp)
    {
        // DESIGN §4: the document number is the key, so a replayed webhook lands on the same identity.
        File.WriteAllText(temp.Combine("crash-mapping.json"), """
            {
              "name": "crash-test",
              "category": "WS",
              "key": "{编号}",
              "fields": {
                "title": "题名 | trim | required",
                "docNumber": "文号 | trim",
                "date": "日期 | date('yyyy-MM-dd') | required",
                "retention": "'D30'",
                "security": "密级 | default('公开')",
                "org": "'BGS'"
              }
            }
            """);
        var config = temp.Combine("archivebridge.json");
        File.WriteAllText(config, $$"""
            {
              "store": { "connectionString": "Data Source={{temp.Combine("archive.db")}}", "blobs": "blobs" },
              "archive": { "fonds": "Z001", "fondsUnit": "华东示范集团有限公司" },
              "connectors": [
                { "id": "{{Connector}}", "type": "webhook", "mapping": "crash-mapping.json",
                  "webhook": { "verify": "standard", "secret": "env:{{SecretVariable}}", "mode": "document" } }
              ],
              "server": { "urls": "http://127.0.0.1:0" }
            }
            """);
        return config;
    }

    /// <summary>
    /// A SIGKILLed run leaves its connector lease for <c>ArchiveStore.LeaseDuration</c> (5 minutes): serve does not
    /// yet reclaim a lease whose holder process is gone, so a restarted serve would wait that long to drain.
    /// Until it does, the test frees the dead process's lease (only that one) as an operator would.
    /// </summary>
    private static async Task<bool> ReleaseLeaseOfDeadProcessAsync(TempDirectory temp, int pid)
    {
        await using var connection = await OpenAsync(temp);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM leases WHERE holder LIKE $holder";
        cmd.Parameters.AddWithValue("$holder", $"% (pid {pid})");
        return await cmd.ExecuteNonQueryAsync() > 0;
    }

    /// <summary>Polls the store (bounded, short steps) until <paramref name="condition"/> (a SQL boolean) holds.</summary>
    private static async Task WaitUntilAsync(TempDirectory temp, ServeProcess serve, string condition)
    {
        for (var i = 0; i < 1200; i++)
        {
            if ((await RowsAsync(temp, condition))[0][0] == "1") return;
            await Task.Delay(50);
        }
        Assert.Fail($"not within 60 s: {condition}\n{serve.Output}");
    }

    /// <summary>The archive, with the inbox file (beside it by default) attached as <c>inbox</c>.</summary>
    private static async Task<SqliteConnection> OpenAsync(TempDirectory temp)
    {
        var connection = new SqliteConnection($"Data Source={temp.Combine("archive.db")};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var attach = connection.CreateCommand();
        attach.CommandText = "ATTACH DATABASE $path AS inbox";
        attach.Parameters.AddWithValue("$path", temp.Combine("inbox.db"));
        await attach.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<List<string?[]>> RowsAsync(TempDirectory temp, string sql)
    {
        await using var connection = await OpenAsync(temp);
        return await SqlRows.ReadAsync(connection, sql);
    }
}
