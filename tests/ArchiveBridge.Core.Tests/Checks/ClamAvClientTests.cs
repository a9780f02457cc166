using System.Net;
using System.Net.Sockets;
using ArchiveBridge.Core.Checks;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Core.Tests.Checks;

/// <summary>
/// Against the real clamd that eng/start-clamd.sh starts (socket in ARCHIVEBRIDGE_TEST_CLAMD, default
/// /tmp/archivebridge-clamd.sock), and against <see cref="FakeClamd"/> for framing and failures.
/// </summary>
public class ClamAvClientTests
{
    internal static string ClamdSocket =>
        Environment.GetEnvironmentVariable("ARCHIVEBRIDGE_TEST_CLAMD") is { Length: > 0 } socket ? socket : "/tmp/archivebridge-clamd.sock";

    internal static ClamAvClient RealClamd() => new(new ClamAvOptions { Socket = ClamdSocket, Timeout = TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task PingAsync_RealClamd_True()
    {
        Assert.True(await RealClamd().PingAsync(), $"clamd does not answer on {ClamdSocket}: run eng/start-clamd.sh");
    }

    [Fact]
    public async Task ScanAsync_Eicar_Infected()
    {
        var result = await RealClamd().ScanAsync(new MemoryStream(Samples.Eicar()));

        Assert.Equal(VirusScanStatus.Infected, result.Status);
        Assert.Contains("EICAR", result.Signature, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ScanAsync_CleanPdf_Clean()
    {
        var result = await RealClamd().ScanAsync(new MemoryStream(Samples.Pdf()));

        Assert.Same(VirusScanResult.Clean, result);
    }

    [Fact]
    public async Task ScanFileAsync_EicarFile_Infected()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("附件.com");
        await File.WriteAllBytesAsync(path, Samples.Eicar());

        var result = await RealClamd().ScanFileAsync(path);

        Assert.Equal(VirusScanStatus.Infected, result.Status);
    }

    [Fact]
    public async Task ScanFileAsync_MissingFile_ErrorNamingThePath()
    {
        var result = await RealClamd().ScanFileAsync("/nonexistent/archivebridge.pdf");

        Assert.Equal(VirusScanStatus.Error, result.Status);
        Assert.Contains("/nonexistent/archivebridge.pdf", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_OverTcp_SendsBigEndianChunksAndZeroTerminator()
    {
        await using var clamd = new FakeClamd("stream: Fake.Signature FOUND");
        var client = new ClamAvClient(new ClamAvOptions { Host = "127.0.0.1", Port = clamd.Port });
        var content = Samples.RandomBinary(150_000);

        var result = await client.ScanAsync(new MemoryStream(content));
        await clamd.Served;

        Assert.Equal(VirusScanResult.Infected("Fake.Signature"), result);
        Assert.Equal("zINSTREAM", clamd.Command);
        Assert.Equal([65536, 65536, 150_000 - 131072, 0], clamd.ChunkLengths);
        Assert.Equal(content, clamd.Received.ToArray());
    }

    [Fact]
    public async Task ScanAsync_ClamdReportsError_Error()
    {
        await using var clamd = new FakeClamd("INSTREAM size limit exceeded. ERROR");
        var client = new ClamAvClient(new ClamAvOptions { Port = clamd.Port });

        var result = await client.ScanAsync(new MemoryStream([1, 2, 3]));

        Assert.Equal(VirusScanStatus.Error, result.Status);
        Assert.Equal($"clamd at 127.0.0.1:{clamd.Port}: INSTREAM size limit exceeded. ERROR", result.ErrorMessage);
    }

    [Fact]
    public async Task ScanAsync_ClamdNeverAnswers_ErrorAfterTimeout()
    {
        await using var clamd = new FakeClamd(reply: null);
        var client = new ClamAvClient(new ClamAvOptions { Port = clamd.Port, Timeout = TimeSpan.FromMilliseconds(300) });

        var result = await client.ScanAsync(new MemoryStream([1, 2, 3]));

        Assert.Equal(VirusScanStatus.Error, result.Status);
        Assert.Equal($"clamd at 127.0.0.1:{clamd.Port} did not answer within 00:00:00.3000000", result.ErrorMessage);
    }

    [Fact]
    public async Task ScanAsync_NothingListening_ErrorNamingEndpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = new ClamAvClient(new ClamAvOptions { Port = port });

        var result = await client.ScanAsync(new MemoryStream([1]));

        Assert.Equal(VirusScanStatus.Error, result.Status);
        Assert.StartsWith($"cannot talk to clamd at 127.0.0.1:{port}:", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_MissingSocket_False()
    {
        var client = new ClamAvClient(new ClamAvOptions { Socket = "/tmp/archivebridge-no-such-clamd.sock" });

        Assert.False(await client.PingAsync());
        Assert.Equal("unix:/tmp/archivebridge-no-such-clamd.sock", client.Endpoint);
    }

    [Fact]
    public async Task ScanAsync_CallerCancels_Throws()
    {
        await using var clamd = new FakeClamd(reply: null);
        var client = new ClamAvClient(new ClamAvOptions { Port = clamd.Port });
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ScanAsync(new MemoryStream([1]), cancel.Token));
    }
}
