using ArchiveBridge.Storage.InitialLoad;

namespace ArchiveBridge.Storage.Tests.InitialLoad;

/// <summary>The map must keep every pair through growth: a lost key would make the initial load miss a duplicate.</summary>
public class RowidMapTests
{
    [Fact]
    public void GrowsPastSeveralChunksAndRebuckets_KeepingEveryPair()
    {
        var map = new RowidMap();
        // Structured keys (multiples, as tests and sequential sources give) and hash-like keys, past two chunks.
        for (long i = 1; i <= 150_000; i++) map.Add(i * 7919L, i);
        for (long i = 1; i <= 50_000; i++) map.Add(unchecked(i * -7046029254386353131L), 1_000_000 + i);

        Assert.Equal(200_000, map.Count);
        var found = new List<long>();
        for (long i = 1; i <= 150_000; i++)
        {
            found.Clear();
            map.Get(i * 7919L, found);
            Assert.Equal([i], found);
        }
        for (long i = 1; i <= 50_000; i++)
        {
            found.Clear();
            map.Get(unchecked(i * -7046029254386353131L), found);
            Assert.Equal([1_000_000 + i], found);
        }
        found.Clear();
        map.Get(7918, found);
        Assert.Empty(found);
    }

    [Fact]
    public void OneKeySeveralRowids_AllFound_TheSamePairTwiceCountsOnce()
    {
        var map = new RowidMap();
        map.Add(42, 1);
        map.Add(42, 7);
        map.Add(42, 7);
        map.Add(-42, 3);

        var found = new List<long>();
        map.Get(42, found);

        Assert.Equal([1L, 7L], found.Order());
        Assert.Equal(3, map.Count);
    }

    [Fact]
    public void AddNew_AndWarmBeforeLookups_FindExactlyWhatWasAdded()
    {
        var map = new RowidMap();
        for (long i = 1; i <= 100_000; i++) map.AddNew(i * 7919L, i);
        map.AddNew(7919L, 200_000); // a second record under a key

        // More keys than the warm buffer starts with, present and absent ones.
        var keys = Enumerable.Range(1, 3_000).Select(i => i % 2 == 0 ? i * 7919L : -i).ToArray();
        map.Warm(keys);

        var found = new List<long>();
        foreach (var key in keys)
        {
            found.Clear();
            map.Get(key, found);
            if (key > 0) Assert.Equal([key / 7919L], found);
            else Assert.Empty(found);
        }
        found.Clear();
        map.Get(7919L, found);
        Assert.Equal([1L, 200_000L], found.Order());
        Assert.Equal(100_001, map.Count);
    }
}
