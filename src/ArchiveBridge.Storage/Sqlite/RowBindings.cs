using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ArchiveBridge.Storage.Sqlite;

/// <summary>
/// The text values of one row, encoded as UTF-8 into one pinned buffer and bound without a copy
/// (<c>SQLITE_STATIC</c>). Binding through SQLitePCL copies every value into memory SQLite allocates and frees
/// again, some twenty times a record on the writer thread. The buffer is reused row after row: call
/// <see cref="NextRow"/> before binding a row, and step the statement before the next one. A value that does not
/// fit is bound the copying way.
/// </summary>
internal sealed class RowBindings
{
    private const int Capacity = 64 * 1024;

    // On the pinned object heap: its address never changes, so SQLite may read it at step time.
    private readonly byte[] _buffer = GC.AllocateArray<byte>(Capacity, pinned: true);
    private readonly IntPtr _address;
    private int _used;

    public RowBindings() => _address = Marshal.UnsafeAddrOfPinnedArrayElement(_buffer, 0);

    /// <summary>Starts a row: the previous row's values may be overwritten (its statement has been stepped).</summary>
    public void NextRow() => _used = 0;

    public void Text(SqliteConnection connection, sqlite3_stmt stmt, int index, string? value)
    {
        if (value is null)
        {
            BindCopied(connection, stmt, index, 0, -1);
            return;
        }
        if (Encoding.UTF8.GetMaxByteCount(value.Length) > Capacity - _used)
        {
            Check(connection, raw.sqlite3_bind_text(stmt, index, Encoding.UTF8.GetBytes(value)));
            return;
        }
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
        BindCopied(connection, stmt, index, _used, length);
        _used += length;
    }

    public void Utf8(SqliteConnection connection, sqlite3_stmt stmt, int index, ReadOnlySpan<byte> utf8)
    {
        var at = Copy(utf8);
        if (at < 0) Check(connection, raw.sqlite3_bind_text(stmt, index, utf8));
        else BindCopied(connection, stmt, index, at, utf8.Length);
    }

    /// <summary>
    /// Copies <paramref name="utf8"/> into the row's buffer in one piece, for <see cref="BindCopied"/> to bind parts of;
    /// returns where it starts, or -1 when it does not fit (the caller binds value by value).
    /// </summary>
    public int Copy(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > Capacity - _used) return -1;
        var start = _used;
        utf8.CopyTo(_buffer.AsSpan(start));
        _used += utf8.Length;
        return start;
    }

    /// <summary>Binds <paramref name="length"/> bytes at <paramref name="offset"/> of the row's buffer (from <see cref="Copy"/>) as text; -1 binds null.</summary>
    public void BindCopied(SqliteConnection connection, sqlite3_stmt stmt, int index, int offset, int length)
    {
        var rc = length < 0
            ? NativeStatement.sqlite3_bind_null(stmt.DangerousGetHandle(), index)
            : NativeStatement.sqlite3_bind_text(stmt.DangerousGetHandle(), index, _address + offset, length, IntPtr.Zero);
        GC.KeepAlive(stmt);
        Check(connection, rc);
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }
}
