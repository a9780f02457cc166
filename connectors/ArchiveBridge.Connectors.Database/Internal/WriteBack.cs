using System.Data.Common;
using System.Globalization;
using ArchiveBridge.Core.Pipeline;
using ArchiveBridge.Core.Sources;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// Marks archived rows in the source, in one transaction per acknowledged batch. Idempotent: a row already
/// marked is not updated again, so acknowledging twice (after a crash) changes nothing, and a trigger that
/// bumps the watermark on update fires once, not on every run.
/// </summary>
internal sealed class WriteBack(DatabaseSettings settings, TimeProvider timeProvider, ILogger logger)
{
    public async ValueTask<int> AcknowledgeAsync(BoundWriteBack target, IReadOnlyList<ArchivedItem> items, CancellationToken cancellationToken)
    {
        var archived = items.Where(i => i.Outcome is RecordOutcome.Created or RecordOutcome.Versioned or RecordOutcome.Unchanged or RecordOutcome.Duplicate).ToList();
        var keyed = archived.Where(i => i.Source.SourceKey is not null).ToList();
        if (keyed.Count < archived.Count) Log.AcknowledgedWithoutKey(logger, settings.ConnectorId, archived.Count - keyed.Count);
        if (keyed.Count == 0) return 0;

        // ISO 8601 with the offset: a timestamptz column gets the instant, a timestamp or text column the local wall time.
        var now = timeProvider.GetLocalNow().ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture);
        var dialect = settings.Dialect;
        await using var connection = dialect.CreateConnection(settings.ConnectionString);
        await DatabaseErrors.OpenAsync(connection, settings, cancellationToken).ConfigureAwait(false);
        var changed = 0;
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = target.Set.Select((_, i) => dialect.CreateLooseParameter(command, $"@v{i}", null)).ToArray();
            var key = dialect.CreateLooseParameter(command, "@key", null);
            command.CommandText = WriteBackSql.Update(dialect, target);
            foreach (var item in keyed)
            {
                var placeholders = new Dictionary<string, string?>
                {
                    ["now"] = now,
                    ["archivalCode"] = item.ArchivalCode,
                    ["recordId"] = item.RecordId,
                    ["key"] = item.Source.SourceKey,
                };
                for (var i = 0; i < values.Length; i++) values[i].Value = (object?)target.Set[i].Template.Render(placeholders) ?? DBNull.Value;
                key.Value = item.Source.SourceKey;
                changed += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw DatabaseErrors.Failed(settings, $"the write-back to {target.TableSql}", ex);
        }
        Log.Acknowledged(logger, settings.ConnectorId, keyed.Count, changed);
        return changed;
    }
}
