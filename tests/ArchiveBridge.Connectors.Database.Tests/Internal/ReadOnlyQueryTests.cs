using ArchiveBridge.Connectors.Database.Internal;

namespace ArchiveBridge.Connectors.Database.Tests.Internal;

public class ReadOnlyQueryTests
{
    [Theory]
    [InlineData("SELECT * FROM archive_outbox")]
    [InlineData("  select voucher_id, updated_at from archive_outbox where summary <> 'DELETE; DROP'  ")]
    [InlineData("WITH v AS (SELECT * FROM vouchers) SELECT * FROM v")]
    [InlineData("SELECT updated_at, \"insert\" FROM t /* UPDATE; */")]
    [InlineData("SELECT replace(summary, 'a', 'b') AS 摘要, created_at, updated_at FROM t")]
    [InlineData("SELECT substring(voucher_no FROM 1 FOR 3) FROM t")]
    public void Check_ReadOnlySelect_IsAccepted(string sql)
    {
        Assert.Null(ReadOnlyQuery.Check(sql, out var normalized));
        Assert.Equal(sql, normalized);
    }

    [Theory]
    [InlineData("SELECT * FROM t;", "SELECT * FROM t")]
    [InlineData("SELECT * FROM t ; -- trailing comment", "SELECT * FROM t  -- trailing comment")]
    public void Check_TrailingSemicolon_IsRemovedSoTheQueryNests(string sql, string expected)
    {
        Assert.Null(ReadOnlyQuery.Check(sql, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("VALUES (1)", "must start with SELECT or WITH")]
    [InlineData("PRAGMA table_info(t)", "must start with SELECT or WITH")]
    [InlineData("SELECT 1; SELECT 2", "more than one statement")]
    [InlineData("WITH x AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM x", "uses INSERT")]
    [InlineData("WITH x AS (SELECT 1) UPDATE t SET a = 1", "uses UPDATE")]
    [InlineData("SELECT * FROM t FOR SHARE", "uses SHARE")]
    [InlineData("SELECT * FROM t /* unclosed", "unclosed /* comment")]
    [InlineData("SELECT \"a FROM t", "unclosed \" quote")]
    [InlineData("SELECT e'\\'' ; DROP TABLE t; --'", "more than one statement")]
    public void Check_AnythingElse_IsRejectedWithReason(string sql, string reason)
    {
        Assert.Contains(reason, ReadOnlyQuery.Check(sql, out _));
    }
}
