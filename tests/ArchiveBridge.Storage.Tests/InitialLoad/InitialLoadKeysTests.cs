using ArchiveBridge.Core.Storage;
using ArchiveBridge.Storage.InitialLoad;

namespace ArchiveBridge.Storage.Tests.InitialLoad;

/// <summary>The initial load's key maps must never lose a key ("certainly absent" is what they are trusted for).</summary>
public class InitialLoadKeysTests
{
    [Fact]
    public void HundredThousandKeys_EachFoundWithItsRowid_AbsentKeysFindNothing()
    {
        var keys = new InitialLoadKeys();
        for (var i = 1; i <= 100_000; i++) keys.Inserted(Identity($"E{i}-人考〔2015〕{i}号"), fingerprintKey: i * 7919L, original: i % 10 != 0, rowid: i);

        var found = new List<long>();
        for (var i = 1; i <= 100_000; i++)
        {
            found.Clear();
            keys.IdentityCandidates(Identity($"E{i}-人考〔2015〕{i}号"), found);
            Assert.Contains((long)i, found);
            found.Clear();
            keys.FingerprintCandidates(i * 7919L, found);
            // A duplicate (every tenth here) is not an original for later probes.
            if (i % 10 != 0) Assert.Contains((long)i, found);
            else Assert.DoesNotContain((long)i, found);
        }
        found.Clear();
        keys.IdentityCandidates(Identity("never inserted"), found);
        keys.FingerprintCandidates(-1, found);
        Assert.Empty(found);
    }

    private static long Identity(string sourceKey) => IndexKeys.FromSourceKey(sourceKey);

    [Fact]
    public void OneKeyWithSeveralRecords_FindsEveryRowid()
    {
        var keys = new InitialLoadKeys();
        keys.Inserted(Identity("a"), fingerprintKey: 42, original: true, rowid: 1);
        keys.Versioned(42, rowid: 7); // another record given content with the same fingerprint key
        keys.Versioned(42, rowid: 7); // the same pair again adds nothing

        var found = new List<long>();
        keys.FingerprintCandidates(42, found);

        Assert.Equal([1L, 7L], found.Order());
    }
}
