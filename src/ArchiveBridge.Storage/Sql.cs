using System.Data.Common;

namespace ArchiveBridge.Storage;

/// <summary>Small helpers for the hand-written SQL of the hot path (values are always bound).</summary>
internal static class Sql
{
    public static DbParameter Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text)
    {
        var c = connection.CreateCommand();
        c.Transaction = transaction;
        c.CommandText = text;
        return c;
    }

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
