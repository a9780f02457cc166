namespace ArchiveBridge.Storage.InitialLoad;

/// <summary>
/// A multimap of 64-bit key to rowids for the million-record maps of an initial load. Entries are appended to
/// fixed-size chunks and chained from a bucket array, so growing never copies or rehashes an entry — only the small
/// bucket array is rebuilt. A <see cref="Dictionary{TKey,TValue}"/> doubled its arrays on the way to a million
/// entries: each doubling copied every entry into memory the process had never touched, and on a virtual machine
/// every fresh page costs a fault (13 µs here; the two maps took ~13k of a run's faults).
/// </summary>
internal sealed class RowidMap
{
    // 65,536 entries of 24 bytes: each chunk goes straight to the large object heap and is never copied by a collection.
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private const int InitialBucketBits = 14;

    private readonly List<Entry[]> _chunks = [];
    private int[] _buckets = new int[1 << InitialBucketBits]; // 1-based index of a chain's first entry, 0 none
    private int _bucketBits = InitialBucketBits;
    private int _count;

    public int Count => _count;

    /// <summary>Adds the pair; the same pair again adds nothing.</summary>
    public void Add(long key, long rowid)
    {
        for (var i = _buckets[Bucket(key, _bucketBits)]; i != 0; i = At(i).Next)
        {
            ref var e = ref At(i);
            if (e.Key == key && e.Rowid == rowid) return;
        }
        AddNew(key, rowid);
    }

    /// <summary>
    /// Adds a pair the caller knows is not in the map (a rowid just inserted, or each row read once): the chain is not
    /// walked, so the add touches only its bucket and the end of the last chunk.
    /// </summary>
    public void AddNew(long key, long rowid)
    {
        var bucket = Bucket(key, _bucketBits);
        if ((_count & (ChunkSize - 1)) == 0) _chunks.Add(new Entry[ChunkSize]);
        var index = ++_count;
        At(index) = new Entry { Key = key, Rowid = rowid, Next = _buckets[bucket] };
        _buckets[bucket] = index;
        // Chains stay near one entry: double the buckets when there are two entries per bucket.
        if (_count > 2 * _buckets.Length) Rebucket();
    }

    /// <summary>Adds every rowid stored under <paramref name="key"/> to <paramref name="into"/>.</summary>
    public void Get(long key, List<long> into)
    {
        for (var i = _buckets[Bucket(key, _bucketBits)]; i != 0; i = At(i).Next)
        {
            ref var e = ref At(i);
            if (e.Key == key) into.Add(e.Rowid);
        }
    }

    /// <summary>
    /// Reads the buckets of <paramref name="keys"/>, then the first entry of each chain, one pass each, so that the
    /// <see cref="Get"/> calls that follow find them in the processor's cache. A lookup is two dependent cache misses
    /// in a map of a million entries; in a pass over many keys the loads do not wait on one another, and the
    /// processor has many of them in flight at once.
    /// </summary>
    public void Warm(ReadOnlySpan<long> keys)
    {
        if (keys.Length == 0) return;
        if (_heads.Length < keys.Length) _heads = new int[Math.Max(keys.Length, 2 * _heads.Length)];
        var heads = _heads.AsSpan(0, keys.Length);
        for (var k = 0; k < keys.Length; k++) heads[k] = _buckets[Bucket(keys[k], _bucketBits)];
        long sum = 0;
        foreach (var head in heads) if (head != 0) sum += At(head).Key;
        // Kept, so that the loads above are not dropped as unused.
        _warmed = sum;
    }

    private int[] _heads = new int[1024];
    private long _warmed;

    private void Rebucket()
    {
        _bucketBits++;
        var buckets = new int[1 << _bucketBits];
        for (var i = 1; i <= _count; i++)
        {
            ref var e = ref At(i);
            var bucket = Bucket(e.Key, _bucketBits);
            e.Next = buckets[bucket];
            buckets[bucket] = i;
        }
        _buckets = buckets;
    }

    private ref Entry At(int index) => ref _chunks[(index - 1) >> ChunkBits][(index - 1) & (ChunkSize - 1)];

    // Keys are hashes, but tests and some sources give structured ones: Fibonacci hashing spreads them over the top bits.
    private static int Bucket(long key, int bits) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> (64 - bits));

    private struct Entry
    {
        public long Key;
        public long Rowid;
        public int Next;
    }
}
