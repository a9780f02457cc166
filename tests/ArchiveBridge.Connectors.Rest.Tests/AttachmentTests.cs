using System.Security.Cryptography;
using ArchiveBridge.Connectors.Rest.Tests.Support;
using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;
using DemoOa;

namespace ArchiveBridge.Connectors.Rest.Tests;

public sealed class AttachmentTests
{
    [Fact]
    public async Task OpenAttachmentAsync_FilesNamedByDetail_BytesMatchDeclaredSha256AndSize()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "detail": { "path": "/documents/{id}" } }"""));
        var record = (await connector.ReadAllAsync(limit: 4))[3];

        // As the mapping's { "each": "attachments[*]", "url": "url", "sha256": "sha256", "size": "size" } builds them.
        var references = record.Fields.SelectObjects(FieldPath.Parse("attachments[*]")).Select(a => new AttachmentReference(Text(a, "url"))
        {
            Name = Text(a, "name"),
            DeclaredSha256 = Text(a, "sha256"),
            DeclaredSize = long.Parse(Text(a, "size"), System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();

        Assert.Equal(2, references.Count);
        Assert.StartsWith("/files/", references[0].Location, StringComparison.Ordinal);
        Assert.StartsWith(oa.Url + "/files/", references[1].Location, StringComparison.Ordinal);
        foreach (var reference in references)
        {
            var bytes = await ReadAsync(connector, reference);
            Assert.Equal(reference.DeclaredSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(reference.DeclaredSize, bytes.Length);
        }
        Assert.All(oa.Journal.For("/files/"), r => Assert.Equal("Bearer demo-token", r.Authorization));
    }

    [Fact]
    public async Task OpenAttachmentAsync_HostNotAllowed_RefusedWithoutRequest()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa));

        var error = await Assert.ThrowsAsync<AttachmentException>(() =>
            ReadAsync(connector, new AttachmentReference($"http://localhost:{oa.Port}/files/OA2024-0001.pdf")));

        Assert.Equal(ReasonCodes.AttachmentHostNotAllowed, error.Reason);
        Assert.Contains("host 'localhost', which is not in attachments.allowedHosts [127.0.0.1]", error.Message, StringComparison.Ordinal);
        Assert.Empty(oa.Journal.For("/files/"));
    }

    [Fact]
    public async Task OpenAttachmentAsync_RedirectOnAllowedHost_FollowsIt()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa));

        var bytes = await ReadAsync(connector, new AttachmentReference("/files/moved/OA2024-0001.pdf"));

        Assert.Equal(DemoFiles.Content("OA2024-0001.pdf"), bytes);
        Assert.Equal(["/files/moved/OA2024-0001.pdf", "/files/OA2024-0001.pdf"], oa.Journal.For("/files/").Select(r => r.Path));
    }

    [Fact]
    public async Task OpenAttachmentAsync_RedirectToOtherHost_Refused()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa));

        var error = await Assert.ThrowsAsync<AttachmentException>(() =>
            ReadAsync(connector, new AttachmentReference("/files/elsewhere/OA2024-0001.pdf")));

        Assert.Equal(ReasonCodes.AttachmentHostNotAllowed, error.Reason);
        Assert.Contains($"http://localhost:{oa.Port}/files/OA2024-0001.pdf (reached from '/files/elsewhere/OA2024-0001.pdf')", error.Message, StringComparison.Ordinal);
        Assert.Single(oa.Journal.For("/files/"));
    }

    [Fact]
    public async Task OpenAttachmentAsync_RedirectToListedOtherHost_FollowsIt()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "attachments": { "allowedHosts": ["127.0.0.1", "localhost"] } }"""));

        var bytes = await ReadAsync(connector, new AttachmentReference("/files/elsewhere/OA2024-0001.pdf"));

        Assert.Equal(DemoFiles.Content("OA2024-0001.pdf"), bytes);
    }

    [Fact]
    public async Task OpenAttachmentAsync_ContentLengthOverMaxBytes_RefusedBeforeReading()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "attachments": { "maxBytes": 1000 } }"""));

        var error = await Assert.ThrowsAsync<AttachmentException>(() => connector.OpenAttachmentAsync(new AttachmentReference("/files/big/5000"), default).AsTask());

        Assert.Equal(ReasonCodes.AttachmentTooLarge, error.Reason);
        Assert.Contains("is 5000 bytes, over attachments.maxBytes 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAttachmentAsync_UnannouncedSizeOverMaxBytes_FailsWhileReading()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "attachments": { "maxBytes": 3000 } }"""));
        await using var stream = await connector.OpenAttachmentAsync(new AttachmentReference("/files/stream/50000"), default);

        var error = await Assert.ThrowsAsync<AttachmentException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(ReasonCodes.AttachmentTooLarge, error.Reason);
    }

    [Fact]
    public async Task OpenAttachmentAsync_FileUnderMaxBytes_IsReadWhole()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa, """{ "attachments": { "maxBytes": 3000 } }"""));

        var bytes = await ReadAsync(connector, new AttachmentReference("/files/stream/3000"));

        Assert.Equal(DemoFiles.Filler(3000), bytes);
    }

    [Fact]
    public async Task OpenAttachmentAsync_NotFound_IsAttachmentMissing()
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa));

        var error = await Assert.ThrowsAsync<AttachmentException>(() => ReadAsync(connector, new AttachmentReference("/files/不存在.pdf")));

        Assert.Equal(ReasonCodes.AttachmentMissing, error.Reason);
        Assert.Contains("/files/%E4%B8%8D%E5%AD%98%E5%9C%A8.pdf does not exist (404", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/a.pdf")]
    public async Task OpenAttachmentAsync_NotHttp_Refused(string location)
    {
        await using var oa = await DemoOaServer.StartAsync();
        using var connector = TestConnectors.Create(TestSettings.For(oa));

        var error = await Assert.ThrowsAsync<AttachmentException>(() => ReadAsync(connector, new AttachmentReference(location)));

        Assert.Equal(ReasonCodes.AttachmentHostNotAllowed, error.Reason);
    }

    [Fact]
    public async Task OpenAttachmentAsync_TransientServerError_IsRetried()
    {
        await using var oa = await DemoOaServer.StartAsync();
        oa.Faults.Enqueue(DemoFaultKind.ServerError, "/files");
        using var connector = TestConnectors.Create(TestSettings.For(oa));

        var bytes = await ReadAsync(connector, new AttachmentReference("/files/OA2024-0002.pdf"));

        Assert.Equal(DemoFiles.Content("OA2024-0002.pdf"), bytes);
        Assert.Equal([500, 200], oa.Journal.For("/files/").Select(r => r.Status));
    }

    private static string Text(SourceFields fields, string name) =>
        fields.TryGetValue(name, out var value) && value is not null ? value : throw new InvalidOperationException($"no {name}");

    private static async Task<byte[]> ReadAsync(RestConnector connector, AttachmentReference reference)
    {
        await using var stream = await connector.OpenAttachmentAsync(reference, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
