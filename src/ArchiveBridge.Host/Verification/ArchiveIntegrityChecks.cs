using ArchiveBridge.Storage;

namespace ArchiveBridge.Host.Verification;

/// <summary>
/// The 四性 checks of the archive as a whole (DA/T 70-2018), which no single record can show: 件号 contiguous in
/// each partition, one record per 档号, 文号 + 题名 under one identity, run counts that reconcile. Each is a set-based
/// query (GROUP BY, joined back only for the groups that fail) read as a stream: memory holds a row, never the
/// archive, and each problem's detail list is bounded. <c>verify</c> runs them after the per-record pass.
/// </summary>
internal static class ArchiveIntegrityChecks
{
    /// <summary>
    /// Runs the checks; with <paramref name="connectorId"/> only what concerns that connector: partitions and 档号
    /// holding one of its records, 文号 + 题名 pairs involving one, its runs.
    /// </summary>
    public static async Task RunAsync(ArchiveStore store, string? connectorId, FixityTally tally, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tally);
        await using var connection = await store.OpenAsync(ct).ConfigureAwait(false);
        await ItemNoContinuityCheck.RunAsync(connection, connectorId, tally, ct).ConfigureAwait(false);
        await SharedIdentityChecks.ArchivalCodeUniqueAsync(connection, connectorId, tally, ct).ConfigureAwait(false);
        await SharedIdentityChecks.DocNumberTitleUniqueAsync(connection, connectorId, tally, ct).ConfigureAwait(false);
        await RunCountsCheck.RunAsync(connection, connectorId, tally, ct).ConfigureAwait(false);
    }
}
