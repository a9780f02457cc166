using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// The rows read within the last <c>overlap</c> of watermark time, as 64-bit row identities (key + watermark).
/// Stored in the checkpoint so that the next run re-reads the overlap (to catch rows committed late with an
/// older timestamp) but does not yield again the rows it already yielded. Capped: past the cap the oldest
/// identities drop out, and those rows may be yielded once more (the pipeline's dedup finds them Unchanged).
/// </summary>
internal sealed class SeenWindow(TimeSpan overlap, int capacity = SeenWindow.DefaultCapacity)
{
    public const int DefaultCapacity = 256;

    private readonly Queue<(DateTime Time, ulong Identity)> _entries = new();
    private DateTime _latest = DateTime.MinValue;

    public int Count => _entries.Count;

    public void Add(DateTime? time, ulong identity)
    {
        // Rows arrive in watermark order, so the oldest entries are always at the front.
        if (time is { } t && t > _latest) _latest = t;
        var horizon = _latest - DateTime.MinValue < overlap ? DateTime.MinValue : _latest - overlap;
        while (_entries.Count > 0 && _entries.Peek().Time < horizon) _entries.Dequeue();
        _entries.Enqueue((time ?? _latest, identity));
        while (_entries.Count > capacity) _entries.Dequeue();
    }

    public ulong[] Snapshot()
    {
        var result = new ulong[_entries.Count];
        var i = 0;
        foreach (var entry in _entries) result[i++] = entry.Identity;
        return result;
    }

    /// <summary>The identity of a row version: its key and its watermark, so an update with a new watermark is a new identity.</summary>
    public static ulong Identity(string keyText, string watermarkText)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{keyText}\u001f{watermarkText}"), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
