using System.Net;
using System.Text.Json;
using ArchiveBridge.Host.Tests.Support;

namespace ArchiveBridge.Host.Tests.Admin;

public sealed class AuditEndpointsTests : IAsyncLifetime
{
    private ServeTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiClient.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Verify_UntouchedChain_IsIntactUpToItsHead()
    {
        await _host.RunAsync();
        var last = (await _host.RowsAsync("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).Single();

        var json = await (await _host.AuditorGetAsync("/api/audit/verify")).JsonAsync();

        Assert.True(json.GetProperty("intact").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("break").ValueKind);
        Assert.Equal(long.Parse(last[0]!, System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("entriesChecked").GetInt64());
        Assert.Equal(last[1], json.GetProperty("head").GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Verify_AfterAnEntryIsEditedBySql_NamesItsSeq()
    {
        await _host.RunAsync();
        await _host.ExecuteAsync("UPDATE audit_log SET details = '{\"created\":0}' WHERE seq = 2");

        var response = await _host.AuditorGetAsync("/api/audit/verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.False(json.GetProperty("intact").GetBoolean());
        var broken = json.GetProperty("break");
        Assert.Equal((2L, "edited"), (broken.GetProperty("seq").GetInt64(), broken.GetProperty("kind").GetString()));
        Assert.Contains("seq 2", broken.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, json.GetProperty("head").GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Verify_WithAnAnchorBeyondTheEnd_FindsTheTruncation()
    {
        await _host.RunAsync();
        var audited = _host.WhenAuditedAsync(1);
        var head = await (await _host.AuditorGetAsync("/api/audit/head")).JsonAsync();
        var seq = head.GetProperty("seq").GetInt64();
        await audited; // the head call's own entry is written: the cut below removes it too
        await _host.ExecuteAsync($"DELETE FROM audit_log WHERE seq >= {seq}");

        var json = await (await _host.AuditorGetAsync($"/api/audit/verify?seq={seq}&hash={head.GetProperty("hash").GetString()}")).JsonAsync();

        Assert.Equal(("truncated", seq), (json.GetProperty("break").GetProperty("kind").GetString(), json.GetProperty("break").GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Head_IsTheLastEntry()
    {
        await _host.RunAsync();
        var last = (await _host.RowsAsync("SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1")).Single();

        var json = await (await _host.AuditorGetAsync("/api/audit/head")).JsonAsync();

        Assert.Equal((last[0], last[1], last[2]), (json.GetProperty("seq").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            json.GetProperty("hash").GetString(), json.GetProperty("at").GetString()));
    }

    [Fact]
    public async Task Verify_HalfAnAnchor_Returns400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.AuditorGetAsync("/api/audit/verify?seq=3")).StatusCode);
    }
}
