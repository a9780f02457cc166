using ArchiveBridge.Storage.Probes;

namespace ArchiveBridge.Storage.Tests.Probes;

public sealed class KeyFilterTests
{
    [Fact]
    public void Add_BeyondCapacity_EveryAddedKeyIsStillFound()
    {
        var filter = new KeyFilter(expectedKeys: 1000);
        var random = new Random(7);
        var keys = Enumerable.Range(0, 200_000).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToList();
        keys.AddRange(Enumerable.Range(0, 1000).Select(i => (long)i)); // sequential keys as well as random ones

        foreach (var key in keys) filter.Add(key);

        Assert.All(keys, key => Assert.True(filter.MayContain(key)));
        Assert.Equal(keys.Count, filter.Count);
    }

    [Fact]
    public void MayContain_KeysNeverAdded_RarelyAnswersMaybe()
    {
        var filter = new KeyFilter(expectedKeys: 100_000);
        for (long i = 0; i < 100_000; i++) filter.Add(i * 7919);

        var falseMaybes = Enumerable.Range(0, 100_000).Count(i => filter.MayContain(-1 - ((long)i * 104_729)));

        // 16 bits and 8 probes per key: about 0.05% at capacity; 0.5% would mean the hashing is broken.
        Assert.InRange(falseMaybes, 0, 500);
    }

    [Fact]
    public void MayContain_EmptyFilter_AnswersAbsent()
    {
        var filter = new KeyFilter(expectedKeys: 0);

        Assert.False(filter.MayContain(0));
        Assert.False(filter.MayContain(long.MaxValue));
    }
}
