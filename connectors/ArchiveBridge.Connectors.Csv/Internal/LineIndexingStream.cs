using Microsoft.Win32.SafeHandles;

namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>
/// Hands CsvHelper the file's bytes unchanged, from a start offset up to a snapshot length, and notes where every
/// line starts. CsvHelper reports offsets in bytes of its UTF-8 form (GB18030 input is transcoded), but it does count
/// lines; this index turns a line number back into an offset in the file, so checkpoints are real file positions
/// whatever the encoding. Line breaks are CR, LF and CR LF, counted the way CsvHelper counts them.
/// CR and LF never occur inside a UTF-8 or GB18030 multi-byte sequence, so scanning raw bytes is exact.
/// </summary>
internal sealed class LineIndexingStream(SafeFileHandle file, long startOffset, long endOffset) : Stream
{
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private readonly byte[] _peek = new byte[1];
    private long _offset = startOffset;
    private bool _hasPeeked;
    private bool _skipLeadingLf;

    // Line starts as a queue: entry k is the start of line (_dropped + k + 1), line 1 being the start offset.
    private long[] _starts = [startOffset, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private int _head;
    private int _count = 1;
    private long _dropped;

    /// <summary>The file offset this stream started at (the start of its line 1).</summary>
    public long StartOffset { get; } = startOffset;

    /// <summary>The file offset of line <paramref name="line"/> (1-based, relative to this stream), if read so far.</summary>
    public bool TryGetLineStart(long line, out long offset)
    {
        var k = line - 1 - _dropped;
        if (k < 0 || k >= _count)
        {
            offset = 0;
            return false;
        }
        offset = _starts[_head + (int)k];
        return true;
    }

    /// <summary>Forgets the lines before <paramref name="line"/>: records are read forward only, so memory stays flat.</summary>
    public void ForgetBefore(long line)
    {
        var drop = Math.Min(line - 1 - _dropped, _count);
        if (drop <= 0) return;
        _head += (int)drop;
        _count -= (int)drop;
        _dropped += drop;
    }

    public override int Read(Span<byte> buffer)
    {
        var n = Fill(buffer);
        if (n > 0 && buffer[n - 1] == Cr && !_hasPeeked && _offset + n < endOffset)
        {
            // A CR at the end of a chunk: whether it ends the line alone or with an LF is in the next byte.
            _hasPeeked = RandomAccess.Read(file, _peek, _offset + n) == 1;
        }
        return Index(buffer[..n]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await FillAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n > 0 && buffer.Span[n - 1] == Cr && !_hasPeeked && _offset + n < endOffset)
            _hasPeeked = await RandomAccess.ReadAsync(file, _peek, _offset + n, cancellationToken).ConfigureAwait(false) == 1;
        return Index(buffer.Span[..n]);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Fill(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, endOffset - _offset);
        if (wanted <= 0) return 0;
        if (!_hasPeeked) return RandomAccess.Read(file, buffer[..wanted], _offset);
        buffer[0] = _peek[0];
        _hasPeeked = false;
        return 1 + (wanted > 1 ? RandomAccess.Read(file, buffer[1..wanted], _offset + 1) : 0);
    }

    private async ValueTask<int> FillAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var wanted = (int)Math.Min(buffer.Length, endOffset - _offset);
        if (wanted <= 0) return 0;
        if (!_hasPeeked) return await RandomAccess.ReadAsync(file, buffer[..wanted], _offset, cancellationToken).ConfigureAwait(false);
        buffer.Span[0] = _peek[0];
        _hasPeeked = false;
        return 1 + (wanted > 1 ? await RandomAccess.ReadAsync(file, buffer[1..wanted], _offset + 1, cancellationToken).ConfigureAwait(false) : 0);
    }

    /// <summary>Records the line starts in <paramref name="data"/>, which begins at <see cref="_offset"/>, and advances past it.</summary>
    private int Index(ReadOnlySpan<byte> data)
    {
        var pos = 0;
        if (_skipLeadingLf && data.Length > 0)
        {
            _skipLeadingLf = false;
            if (data[0] == Lf) pos = 1;
        }
        while (pos < data.Length)
        {
            var k = data[pos..].IndexOfAny(Cr, Lf);
            if (k < 0) break;
            var p = pos + k;
            if (data[p] == Cr && (p + 1 < data.Length ? data[p + 1] == Lf : _hasPeeked && _peek[0] == Lf))
            {
                AddLineStart(_offset + p + 2);
                _skipLeadingLf = p + 1 == data.Length;
                pos = p + 2;
            }
            else
            {
                AddLineStart(_offset + p + 1);
                pos = p + 1;
            }
        }
        _offset += data.Length;
        return data.Length;
    }

    private void AddLineStart(long offset)
    {
        if (_head + _count == _starts.Length)
        {
            // Move the live entries to the front, growing only when more than half the array is live.
            var target = _count * 2 <= _starts.Length ? _starts : new long[_starts.Length * 2];
            Array.Copy(_starts, _head, target, 0, _count);
            _starts = target;
            _head = 0;
        }
        _starts[_head + _count++] = offset;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _offset - StartOffset; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
