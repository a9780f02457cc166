using System.Numerics;

namespace ArchiveBridge.Storage.Probes;

/// <summary>
/// A set of 64-bit keys that answers "certainly absent" or "maybe present" (a Bloom filter, 16 bits and 8 probes
/// per key: about one false "maybe" in 2,000 at capacity). It grows by adding a layer twice the size of the last
/// one, so it never has to be rebuilt from the store and never forgets a key.
/// </summary>
internal sealed class KeyFilter
{
    private const int BitsPerKey = 16;
    private const int Probes = 8;
    private readonly List<Layer> _layers = [];

    public KeyFilter(long expectedKeys) => _layers.Add(new Layer(Math.Max(expectedKeys, 1 << 16)));

    public long Count { get; private set; }

    public void Add(long key)
    {
        var top = _layers[^1];
        if (top.Count >= top.Capacity) _layers.Add(top = new Layer(top.Capacity * 2));
        top.Add(key);
        Count++;
    }

    public bool MayContain(long key)
    {
        foreach (var layer in _layers)
            if (layer.MayContain(key)) return true;
        return false;
    }

    private sealed class Layer
    {
        private readonly ulong[] _bits;
        private readonly ulong _mask;

        public Layer(long capacity)
        {
            var bits = BitOperations.RoundUpToPowerOf2((ulong)(capacity * BitsPerKey));
            _bits = new ulong[bits / 64];
            _mask = bits - 1;
            Capacity = capacity;
        }

        public long Capacity { get; }
        public long Count { get; private set; }

        public void Add(long key)
        {
            var (h, step) = Hashes(key);
            for (var i = 0; i < Probes; i++, h += step) _bits[(h & _mask) >> 6] |= 1UL << (int)(h & 63);
            Count++;
        }

        public bool MayContain(long key)
        {
            var (h, step) = Hashes(key);
            for (var i = 0; i < Probes; i++, h += step)
                if ((_bits[(h & _mask) >> 6] & (1UL << (int)(h & 63))) == 0) return false;
            return true;
        }

        // Double hashing from one well-mixed 64-bit value (Kirsch–Mitzenmacher); keys may be raw digests or
        // sequential-looking, so both halves are passed through a finalizer first.
        private static (ulong First, ulong Step) Hashes(long key)
        {
            var a = Mix((ulong)key);
            return (a, Mix(a ^ 0x9E3779B97F4A7C15UL) | 1);
        }

        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
