using System.Runtime.InteropServices;

namespace ArchiveBridge.Storage.Sqlite;

/// <summary>
/// The calls the record insert makes for every row, straight to the native library by raw handle. SQLitePCL's
/// wrappers take the statement and connection as SafeHandles, and each call adds and releases a reference on
/// them: some thirty interlocked pairs a record on the writer thread. Callers keep the handles' owners alive.
/// </summary>
internal static class NativeStatement
{
    // The same native library SQLitePCL loaded (e_sqlite3, from the app's native assets).
    private const string Library = "e_sqlite3";

    /// <summary>A null destructor is SQLITE_STATIC: SQLite reads the bytes where they are, until the statement is stepped or rebound.</summary>
    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    public static extern int sqlite3_bind_text(IntPtr stmt, int index, IntPtr text, int length, IntPtr destructor);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    public static extern int sqlite3_bind_int64(IntPtr stmt, int index, long value);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    public static extern int sqlite3_bind_null(IntPtr stmt, int index);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    public static extern int sqlite3_step(IntPtr stmt);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    public static extern int sqlite3_reset(IntPtr stmt);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    public static extern long sqlite3_last_insert_rowid(IntPtr db);
}
