using System.Security.Cryptography;

namespace ArchiveBridge.Core;

/// <summary>
/// Identifiers: 26-character Crockford base32, time-ordered like ULIDs (48-bit milliseconds + 80 random bits),
/// so ids sort by creation, are never reused, and are short enough to type in the CLI.
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xFF);
            ms >>= 8;
        }
        TakeRandom(bytes[6..]);
        return Encode(bytes);
    }

    // Random bytes drawn from the OS a few kilobytes at a time: one system call per ~400 ids, not per id.
    [ThreadStatic] private static byte[]? t_random;
    [ThreadStatic] private static int t_used;

    private static void TakeRandom(Span<byte> destination)
    {
        var pool = t_random ??= new byte[4096];
        if (t_used == 0 || t_used + destination.Length > pool.Length)
        {
            RandomNumberGenerator.Fill(pool);
            t_used = 0;
        }
        pool.AsSpan(t_used, destination.Length).CopyTo(destination);
        t_used += destination.Length;
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits -> 26 chars of 5 bits (the first char carries 3 bits).
        Span<char> chars = stackalloc char[26];
        var hi = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var lo = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        var value = new UInt128(hi, lo);
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(ulong)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }
}
