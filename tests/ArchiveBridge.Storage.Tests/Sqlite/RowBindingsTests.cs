using System.Text;
using ArchiveBridge.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ArchiveBridge.Storage.Tests.Sqlite;

/// <summary>Row values bound without a copy must land in their own row, whatever their size.</summary>
public sealed class RowBindingsTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public RowBindingsTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (a TEXT, b TEXT, c TEXT)";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void RowsBoundOneAfterAnother_EachStoresItsOwnValues_IncludingOnesLargerThanTheBuffer()
    {
        var huge = new string('档', 40_000); // 120,000 UTF-8 bytes: more than the buffer holds
        string?[][] rows =
        [
            ["关于印发《档案管理办法》的通知", "Z001-WS·2024-D30-BGS-0001", """{"title":"通知"}"""],
            ["short", null, ""],
            [huge, "after the huge one", "x"],
            ["last row", "末行", new string('a', 60_000)],
        ];
        var rc = raw.sqlite3_prepare_v2(_connection.Handle, "INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3)", out var stmt);
        Assert.Equal(raw.SQLITE_OK, rc);
        var bindings = new RowBindings();
        using (stmt)
        {
            foreach (var row in rows)
            {
                bindings.NextRow();
                bindings.Text(_connection, stmt, 1, row[0]);
                bindings.Text(_connection, stmt, 2, row[1]);
                bindings.Utf8(_connection, stmt, 3, Encoding.UTF8.GetBytes(row[2]!));
                Assert.Equal(raw.SQLITE_DONE, raw.sqlite3_step(stmt));
                raw.sqlite3_reset(stmt);
            }
        }

        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT a, b, c FROM t ORDER BY rowid";
        using var reader = read.ExecuteReader();
        foreach (var row in rows)
        {
            Assert.True(reader.Read());
            Assert.Equal(row[0], reader.GetString(0));
            Assert.Equal(row[1], reader.IsDBNull(1) ? null : reader.GetString(1));
            Assert.Equal(row[2], reader.GetString(2));
        }
        Assert.False(reader.Read());
    }
}
