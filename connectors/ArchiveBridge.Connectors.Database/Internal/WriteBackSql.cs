using System.Data.Common;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// The "already marked" test of the write-back, in SQL. A column set from a literal is marked when it holds
/// that literal; a column set from <c>{now}</c> when it is not NULL (so the first archiving time stays);
/// other placeholders when they hold the value for this row (on read: when not NULL).
/// </summary>
internal static class WriteBackSql
{
    /// <summary>For the repair pass, which does not know each row's archival code: placeholders only need a value.</summary>
    public static string MarkedOnRead(SqlDialect dialect, BoundWriteBack writeBack, string alias, DbCommand command)
    {
        var tests = new List<string>();
        for (var i = 0; i < writeBack.Set.Count; i++)
        {
            var (column, template) = writeBack.Set[i];
            var qualified = $"{alias}.{SqlIdentifier.Quote(column)}";
            if (!template.IsLiteral)
            {
                tests.Add($"{qualified} IS NOT NULL");
                continue;
            }
            dialect.CreateLooseParameter(command, $"@wb{i}", template.Text);
            tests.Add(dialect.NullSafeEquals(qualified, $"@wb{i}"));
        }
        return $"({string.Join(" AND ", tests)})";
    }

    /// <summary><c>UPDATE … SET c = @v0 … WHERE key = @key AND NOT (marked)</c>: a row already marked is left alone.</summary>
    public static string Update(SqlDialect dialect, BoundWriteBack writeBack)
    {
        var assignments = new List<string>();
        var tests = new List<string>();
        for (var i = 0; i < writeBack.Set.Count; i++)
        {
            var (column, template) = writeBack.Set[i];
            var quoted = SqlIdentifier.Quote(column);
            assignments.Add($"{quoted} = @v{i}");
            tests.Add(template.UsesNow ? $"{quoted} IS NOT NULL" : dialect.NullSafeEquals(quoted, $"@v{i}"));
        }
        return $"UPDATE {writeBack.TableSql} SET {string.Join(", ", assignments)} " +
               $"WHERE {SqlIdentifier.Quote(writeBack.Key)} = @key AND NOT ({string.Join(" AND ", tests)})";
    }
}
