using ArchiveBridge.Core.Checks;
using ArchiveBridge.Host.Tests.Reports;
using ArchiveBridge.Host.Verification;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Host.Tests.Verification;

public sealed class FixityVerifierTests : IDisposable
{
    private readonly TestArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public async Task VerifyAsync_IntactArchive_NoProblemAndEveryFileRead()
    {
        await SyncAsync();

        var (summary, problems) = await VerifyAsync();

        Assert.Empty(problems);
        Assert.True(summary.Ok);
        Assert.Equal(3, summary.Records);
        Assert.Equal(3, summary.Attachments);
        Assert.Equal(2, summary.BlobsRead); // the PNG both records reference is read once
        Assert.True(summary.BytesRead > Files.Png.Length);
    }

    [Fact]
    public async Task VerifyAsync_OneByteFlippedInAStoredBlob_NamesRecordCodeAndFile()
    {
        await SyncAsync();
        var sha = await _archive.ScalarAsync<string>("SELECT sha256 FROM attachments WHERE name = '通知正文.pdf'");
        var path = _archive.Blobs.PathOf(sha);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var (summary, problems) = await VerifyAsync();

        Assert.False(summary.Ok);
        var p = Assert.Single(problems);
        Assert.Equal(FixityCheckId.BlobSha256, p.CheckId);
        Assert.Equal(FixityProblem.Fail, p.Level);
        Assert.Equal(("通知正文.pdf", sha), (p.FileName, p.Sha256));
        Assert.Equal(await _archive.ScalarAsync<string>("SELECT id FROM records WHERE source_key = 'a'"), p.RecordId);
        Assert.Equal("Z001-WS·2024-D30-BGS-0001", p.ArchivalCode);
        Assert.Contains("bit rot or tampering", p.Message, StringComparison.Ordinal);
        Assert.Contains("Z001-WS·2024-D30-BGS-0001", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_BlobFileDeleted_NamedForEveryRecordThatReferencesIt()
    {
        await SyncAsync();
        var sha = await _archive.ScalarAsync<string>("SELECT sha256 FROM attachments WHERE name = 'photo.png'");
        File.Delete(_archive.Blobs.PathOf(sha));

        var (summary, problems) = await VerifyAsync();

        Assert.Equal(2, summary.Failures);
        Assert.All(problems, p => Assert.Equal((FixityCheckId.BlobPresent, "photo.png", sha), (p.CheckId, p.FileName, p.Sha256)));
        Assert.Equal(["a", "b"], problems.Select(p => p.SourceKey).Order());
        Assert.Contains("missing", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ArchivalCodeChangedWithSql_ArchivalCodeCheckFails()
    {
        await SyncAsync();
        await _archive.ExecuteAsync("UPDATE records SET archival_code = 'Z009-WS·2024-D30-BGS-0002' WHERE source_key = 'b'");

        var (summary, problems) = await VerifyAsync();

        Assert.False(summary.Ok);
        var p = Assert.Single(problems);
        Assert.Equal((CheckId.ArchivalCodeWellFormed, FixityProblem.Fail, "b"), (p.CheckId, p.Level, p.SourceKey));
        Assert.Equal("Z009-WS·2024-D30-BGS-0002", p.ArchivalCode);
        Assert.Contains("Z001-WS·2024-D30-BGS-0002", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_TitleColumnEditedWithSql_FingerprintNoLongerMatches()
    {
        // The title lives in its column alone (not in the row's JSON): an edit there changes the archived content.
        await SyncAsync();
        await _archive.ExecuteAsync("UPDATE records SET title = replace(title, '管理办法', '管理规定') WHERE source_key = 'c'");

        var (_, problems) = await VerifyAsync();

        var p = Assert.Single(problems);
        Assert.Equal((FixityCheckId.MetadataFingerprint, "c"), (p.CheckId, p.SourceKey));
    }

    [Fact]
    public async Task VerifyAsync_RequiredFieldMissingUnderStricterRules_RequiredMetadataFails()
    {
        await SyncAsync();
        var options = new CheckOptions { RequiredFields = [.. CheckOptions.DefaultRequiredFields, "responsible"] };

        var (summary, problems) = await VerifyAsync(options: options);

        Assert.Equal(3, summary.Failures);
        Assert.All(problems, p => Assert.Equal(CheckId.RequiredMetadata, p.CheckId));
        Assert.Contains("responsible", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_FileWhoseNameDoesNotFitItsFormat_WarnsWithoutFailing()
    {
        var connector = new ListConnector("c1", [Some.Record("x", files: "scan.pdf")]);
        connector.Files["scan.pdf"] = Files.Png;
        await _archive.SyncAsync(connector);

        var (summary, problems) = await VerifyAsync();

        Assert.True(summary.Ok);
        Assert.Equal(1, summary.Warnings);
        var p = Assert.Single(problems);
        Assert.Equal((CheckId.FormatMatchesName, FixityProblem.Warn, "scan.pdf"), (p.CheckId, p.Level, p.FileName));
    }

    [Fact]
    public async Task VerifyAsync_ConnectorAndSmallPages_OnlyThatConnectorEveryRecordOnce()
    {
        await SyncAsync();
        await _archive.SyncAsync(new ListConnector("other", [.. Enumerable.Range(1, 5).Select(i => Some.Record($"o{i}", docNumber: $"其他〔2024〕{i}号"))]));

        var (one, _) = await VerifyAsync(new FixityRequest { ConnectorId = "other", PageSize = 2 });
        var (all, _) = await VerifyAsync(new FixityRequest { PageSize = 1 });

        Assert.Equal(5, one.Records);
        Assert.Equal(0, one.Attachments);
        Assert.Equal(8, all.Records);
    }

    /// <summary>a: PDF + PNG, b: the same PNG (stored once), c: no attachment.</summary>
    private async Task SyncAsync()
    {
        var connector = new ListConnector("oa", [
            Some.Record("a", files: "通知正文.pdf;photo.png"),
            Some.Record("b", files: "photo.png"),
            Some.Record("c"),
        ]);
        connector.Files["通知正文.pdf"] = Files.Pdf("ArchiveBridge fixity");
        connector.Files["photo.png"] = Files.Png;
        var run = await _archive.SyncAsync(connector);
        Assert.Equal(3, run.Counts.Created);
    }

    private async Task<(FixitySummary Summary, List<FixityProblem> Problems)> VerifyAsync(FixityRequest? request = null, CheckOptions? options = null)
    {
        options ??= new CheckOptions();
        var verifier = new FixityVerifier(_archive.Store, _archive.Blobs, new RecordChecker(options, _archive.Template), new AttachmentChecker(options));
        var problems = new List<FixityProblem>();
        var summary = await verifier.VerifyAsync(request ?? new FixityRequest(), (p, _) =>
        {
            problems.Add(p);
            return ValueTask.CompletedTask;
        }, CancellationToken.None);
        return (summary, problems);
    }
}
