using System.Collections.Concurrent;

namespace ArchiveBridge.Core.Records;

/// <summary>
/// Buffers for the stored record JSON on its way from the mapping stage to the store's writer, which copies it into
/// SQLite and gives the buffer back. A run keeps thousands in flight between the two threads — more than the shared
/// ArrayPool keeps — and a fresh ~600-byte array per record was a sixth of all the bytes a run allocates.
/// </summary>
internal static class RecordBufferPool
{
    /// <summary>The one size pooled: most record JSON fits; a longer one gets an array of its own.</summary>
    public const int BufferBytes = 1024;

    // Enough for the records in flight (channel, the batch being mapped, the batch being written) with room to spare.
    private const int MaxPooled = 16_384;

    private static readonly ConcurrentQueue<byte[]> Free = new();
    private static int _count;

    public static byte[] Rent(int length)
    {
        if (length > BufferBytes) return new byte[length];
        if (Free.TryDequeue(out var buffer))
        {
            Interlocked.Decrement(ref _count);
            return buffer;
        }
        return new byte[BufferBytes];
    }

    public static void Return(byte[] buffer)
    {
        if (buffer.Length != BufferBytes) return;
        if (Interlocked.Increment(ref _count) > MaxPooled)
        {
            Interlocked.Decrement(ref _count);
            return;
        }
        Free.Enqueue(buffer);
    }
}
