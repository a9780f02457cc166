using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Sqlite;

/// <summary>
/// How many frames one connection's commits have left in the write-ahead log: SQLite reports it after each commit
/// to a WAL hook (<c>sqlite3_wal_hook</c>, the hook its own auto-checkpoint uses; SQLitePCL does not expose it).
/// Installing it replaces the auto-checkpoint, so it is for a connection whose checkpoints are taken care of
/// elsewhere; <see cref="Dispose"/> removes it before the connection can go back to the pool.
/// </summary>
internal sealed class WalFrameCounter : IDisposable
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int WalHook(IntPtr arg, IntPtr db, IntPtr schema, int frames);

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    private static extern IntPtr sqlite3_wal_hook(IntPtr db, WalHook? hook, IntPtr arg);

    private readonly SqliteConnection _connection;

    // Held here for as long as SQLite may call it: the delegate's native thunk dies with it.
    private WalHook? _hook;

    public WalFrameCounter(SqliteConnection connection)
    {
        _connection = connection;
        _hook = OnCommit;
        sqlite3_wal_hook(Handle(), _hook, IntPtr.Zero);
    }

    /// <summary>Frames in the log after this connection's last commit; it starts again from zero when the log restarts.</summary>
    public int Frames { get; private set; }

    private int OnCommit(IntPtr arg, IntPtr db, IntPtr schema, int frames)
    {
        Frames = frames;
        return 0; // SQLITE_OK: a hook's error would be reported as the commit's
    }

    private IntPtr Handle() => _connection.Handle?.DangerousGetHandle() ?? throw new InvalidOperationException("the connection is not open");

    public void Dispose()
    {
        if (_hook is null) return;
        if (_connection.Handle is { IsInvalid: false } handle) sqlite3_wal_hook(handle.DangerousGetHandle(), null, IntPtr.Zero);
        GC.KeepAlive(_hook);
        _hook = null;
    }
}
