using ArchiveBridge.Core.Sources;
using ArchiveBridge.TestUtils;
using Microsoft.EntityFrameworkCore;

namespace ArchiveBridge.Storage.Tests;

/// <summary>
/// Properties of dedup and versions over seeded random inputs (bounded count): splitting the input into
/// consecutive runs, repeating runs, or shuffling inputs without repeated identities never changes what the
/// archive holds.
/// </summary>
public sealed class DedupPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Sync_InputSplitIntoRepeatedRuns_SameRecordsVersionsAndFingerprintsAsOneRun(int seed)
    {
        var random = new Random(seed);
        var input = RandomInput(random, 40);
        var whole = await ArchiveAsync([input]);

        var cuts = Enumerable.Range(1, input.Count - 1).OrderBy(_ => random.Next()).Take(random.Next(1, 6)).Order().ToList();
        var runs = new List<List<SourceRecord>>();
        var start = 0;
        foreach (var cut in cuts.Append(input.Count))
        {
            var part = input.GetRange(start, cut - start);
            runs.Add(part);
            if (random.Next(2) == 0) runs.Add(part); // the same run again
            start = cut;
        }
        var split = await ArchiveAsync(runs);

        Assert.Equal(whole, split);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task Sync_ShuffledInputWithoutRepeatedIdentities_SameRecordsAndFingerprints(int seed)
    {
        var random = new Random(seed);
        var input = RandomInput(random, 40).GroupBy(r => Key(r)).Select(g => g.First()).ToList();
        var ordered = await ArchiveAsync([input]);

        var shuffled = await ArchiveAsync([[.. input.OrderBy(_ => random.Next())]]);

        // Which of two equal contents is the original and which the duplicate link depends on arrival order; the records and fingerprints do not.
        Assert.Equal(ordered.Select(r => (r.Key, r.Fingerprint)), shuffled.Select(r => (r.Key, r.Fingerprint)));
    }

    /// <summary>Identities from a small pool (so keys repeat with changed titles), contents from a small pool (so duplicates occur).</summary>
    private static List<SourceRecord> RandomInput(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Some.Record($"k{random.Next(15)}", title: $"题名{random.Next(4)}", docNumber: $"文{random.Next(3)}"))];

    private static string Key(SourceRecord r)
    {
        r.Fields.TryGetValue("key", out var key);
        return key!;
    }

    private static async Task<List<Snapshot>> ArchiveAsync(IEnumerable<List<SourceRecord>> runs)
    {
        using var f = new StoreFixture(batchSize: 4);
        foreach (var run in runs) await f.SyncAsync(new ListConnector("c", run), full: true);
        await using var db = f.Store.CreateContext();
        var rows = await db.Records.AsNoTracking().ToListAsync();
        var keyOf = rows.ToDictionary(r => r.Id, r => r.SourceKey);
        var versions = await db.RecordVersions.AsNoTracking().ToListAsync();
        return [.. rows.Select(r => new Snapshot(r.SourceKey, r.Fingerprint, r.Version,
                string.Join(",", versions.Where(v => v.RecordId == r.Id).OrderBy(v => v.Version).Select(v => v.Fingerprint)),
                r.DuplicateOf is null ? null : keyOf[r.DuplicateOf]))
            .OrderBy(s => s.Key, StringComparer.Ordinal)];
    }

    private sealed record Snapshot(string Key, string Fingerprint, int Version, string History, string? DuplicateOfKey);
}
