using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ArchiveBridge.Storage.Audit;

/// <summary>
/// Streams audit entries in seq order on one connection: one row in memory at a time, whatever the log's size.
/// Bounds are store time text (<see cref="StoreTime"/>), compared as strings: [from, to).
/// </summary>
internal static class AuditReader
{
    private const string Columns = "seq, at, actor, action, subject, details, prev_hash, hash";

    public static async IAsyncEnumerable<AuditEntry> ReadAsync(SqliteConnection connection, string? from, string? to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var cmd = Sql.Command(connection, null,
            $"SELECT {Columns} FROM audit_log WHERE ($from IS NULL OR at >= $from) AND ($to IS NULL OR at < $to) ORDER BY seq");
        Sql.Add(cmd, "$from", from);
        Sql.Add(cmd, "$to", to);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AuditEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
        }
    }

    /// <summary>The last entry written before <paramref name="before"/> (store time text), or the last of all when null.</summary>
    public static async Task<AuditHead?> HeadAsync(SqliteConnection connection, string? before, CancellationToken cancellationToken)
    {
        // Entries are appended under the store's write lock with the clock of the writer, so seq order is time order.
        await using var cmd = Sql.Command(connection, null,
            "SELECT seq, hash, at FROM audit_log WHERE ($before IS NULL OR at < $before) ORDER BY seq DESC LIMIT 1");
        Sql.Add(cmd, "$before", before);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AuditHead(reader.GetInt64(0), reader.GetString(1), reader.GetString(2))
            : null;
    }
}
