using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Pipeline;

/// <summary>
/// A source record on its way through the pipeline: mapped and validated (or with the problem that stops
/// it), then given its outcome by the store inside the write transaction.
/// </summary>
public sealed class PreparedRecord
{
    public PreparedRecord(SourceRecord source) => Source = source ?? throw new ArgumentNullException(nameof(source));

    public SourceRecord Source { get; }

    /// <summary>Identity within the connector; null only for records that failed before a key existed.</summary>
    public string? Key { get; set; }

    /// <summary>The canonical record; null when <see cref="Problem"/> is set or the cheap path applied.</summary>
    public ArchiveRecord? Record { get; set; }

    /// <summary>Attachments still to fetch, hash and store.</summary>
    public IReadOnlyList<AttachmentReference> PendingAttachments { get; set; } = [];

    /// <summary>Why the record goes to quarantine.</summary>
    public RecordProblem? Problem { get; set; }

    /// <summary>
    /// The source's change token is already archived for this connector (from an earlier run): the record is
    /// unchanged and was neither mapped nor had its attachments fetched.
    /// </summary>
    public bool KnownChangeToken { get; set; }

    /// <summary>The 四性 check results gathered on the way (stored with the record, reported).</summary>
    public List<Checks.CheckResult> CheckResults { get; } = new(4);

    // The record and check results as the store keeps them, serialized once the record is complete: in the
    // mapping stage when it has no attachments, so the writing stage (the bottleneck) only writes. The record
    // JSON is made as UTF-8, the form SQLite stores; a string is made only if something asks for one.
    private ArraySegment<byte> _metadataUtf8;
    private int _metadataLength; // the JSON's bytes at the start of _metadataUtf8; the row's text values follow when made
    private bool _rowTextMade;
    private RowTextLengths _rowTextLengths;
    private string? _metadataJson;
    private string? _checksJson;
    private bool _checksSerialized;

    /// <summary>
    /// Serializes what is still missing and returns the record JSON to store, as UTF-8, in a pooled buffer: valid
    /// until <see cref="ReleaseStoredMetadataUtf8"/>.
    /// </summary>
    public ReadOnlySpan<byte> StoredMetadataUtf8()
    {
        if (_metadataUtf8.Array is null)
        {
            _metadataUtf8 = Records.StoredRecordJson.SerializePooled(Record ?? throw new InvalidOperationException("no record to store"));
            _metadataLength = _metadataUtf8.Count;
            _rowTextMade = false;
        }
        return _metadataUtf8.AsSpan(0, _metadataLength);
    }

    /// <summary>
    /// The record JSON followed by the row's text values (<see cref="StoredRowText"/>), as made by <see cref="Freeze"/>:
    /// false when they were not made (the record was not frozen, or its buffer went back). The byte lengths of the
    /// values are in <paramref name="textLengths"/> (-1 for null). Valid until <see cref="ReleaseStoredMetadataUtf8"/>.
    /// </summary>
    public bool TryGetStoredRowUtf8(out ReadOnlySpan<byte> row, out int metadataLength, out ReadOnlySpan<int> textLengths)
    {
        if (!_rowTextMade || _metadataUtf8.Array is null)
        {
            row = default;
            metadataLength = 0;
            textLengths = default;
            return false;
        }
        row = _metadataUtf8;
        metadataLength = _metadataLength;
        textLengths = _rowTextLengths;
        return true;
    }

    /// <summary>
    /// Gives the UTF-8 buffer back to the pool once the store has copied it (a later call of
    /// <see cref="StoredMetadataUtf8"/> serializes again: the JSON holds nothing the store changes).
    /// </summary>
    public void ReleaseStoredMetadataUtf8()
    {
        if (_metadataUtf8.Array is { } buffer) Records.RecordBufferPool.Return(buffer);
        _metadataUtf8 = default;
        _rowTextMade = false;
    }

    /// <summary>Serializes what is still missing and returns the record JSON to store.</summary>
    public string StoredMetadata() => _metadataJson ??= System.Text.Encoding.UTF8.GetString(StoredMetadataUtf8());

    /// <summary>The check results JSON to store (null when no check ran).</summary>
    public string? StoredChecks()
    {
        if (!_checksSerialized)
        {
            _checksJson = IngestChecks.Serialize(CheckResults);
            _checksSerialized = true;
        }
        return _checksJson;
    }

    /// <summary>The id the record gets if it turns out to be new (made ahead, off the writer's thread).</summary>
    public string? NewRecordId { get; set; }

    private long? _fingerprintKey;
    private long? _identityKey;

    /// <summary>The store's in-memory key of <see cref="Key"/> (<see cref="Storage.IndexKeys.FromSourceKey"/>).</summary>
    public long IdentityKey => _identityKey ??= Storage.IndexKeys.FromSourceKey(Key ?? throw new InvalidOperationException("no source key"));

    private long? _changeTokenKey;
    private bool _changeTokenKeyKnown;

    /// <summary>The store's index key of the fingerprint (<see cref="Storage.IndexKeys"/>).</summary>
    public long FingerprintKey => _fingerprintKey ??= Storage.IndexKeys.FromHexDigest(Record?.Fingerprint ?? throw new InvalidOperationException("no fingerprint yet"));

    /// <summary>The store's index key of the source's change token, if it has one.</summary>
    public long? ChangeTokenKey
    {
        get
        {
            if (!_changeTokenKeyKnown)
            {
                _changeTokenKey = Source.ChangeToken is { } token ? Storage.IndexKeys.FromText(token) : null;
                _changeTokenKeyKnown = true;
            }
            return _changeTokenKey;
        }
    }

    /// <summary>
    /// Computes now everything the store needs of a complete record (JSON, check results, index keys, a new id),
    /// called where CPU is cheaper than in the writing stage.
    /// </summary>
    public void Freeze(TimeProvider time)
    {
        if (Record is null) return;
        NewRecordId ??= Ids.New(time);
        var checks = StoredChecks();
        _ = FingerprintKey;
        _ = ChangeTokenKey;
        if (Key is not null) _ = IdentityKey;
        if (_metadataUtf8.Array is not null) return; // serialized already, without the row's values: the store encodes them
        var r = Record;
        ReadOnlySpan<string?> texts =
            [NewRecordId, Key, r.Fonds, r.Category, r.Retention, r.Org, r.Title, r.DocNumber, r.Date, r.Fingerprint, Source.ChangeToken, checks];
        _metadataUtf8 = Records.StoredRecordJson.SerializePooled(r, texts, _rowTextLengths, out _metadataLength);
        _rowTextMade = true;
    }

    /// <summary>The byte length of each <see cref="StoredRowText"/> value made by <see cref="Freeze"/> (-1 for null).</summary>
    [System.Runtime.CompilerServices.InlineArray((int)StoredRowText.Checks + 1)]
    private struct RowTextLengths
    {
        private int _first;
    }

    /// <summary>Set by the store when the batch commits.</summary>
    public RecordOutcome Outcome { get; set; }

    public string? RecordId { get; set; }
    public string? ArchivalCode { get; set; }

    /// <summary>For duplicates: the record this one duplicates.</summary>
    public string? DuplicateOf { get; set; }

    /// <summary>For quarantined records: the quarantine entry id.</summary>
    public string? QuarantineId { get; set; }
}
