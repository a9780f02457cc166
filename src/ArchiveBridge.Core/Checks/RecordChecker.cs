using System.Globalization;
using ArchiveBridge.Core.ArchivalCodes;
using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Runs the metadata-level 四性 checks of one record: source recorded and archival code well-formed
/// (真实性), required metadata present and attachment count as declared (完整性).
/// </summary>
public sealed class RecordChecker
{
    private readonly CheckOptions _options;
    private readonly ArchivalCodeTemplate _codeTemplate;

    // Per category (options are bound once at start): the union of the required lists, made once, not per record.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> _required = new(StringComparer.Ordinal);

    // The passes nearly every record gets say the same each time: made once (options are fixed once bound), not per record.
    private readonly CheckResult? _sourceRecorded;
    private readonly CheckResult? _requiredPresent;

    public RecordChecker(CheckOptions options, ArchivalCodeTemplate codeTemplate)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(codeTemplate);
        _options = options;
        _codeTemplate = codeTemplate;
        _sourceRecorded = CheckRecorder.ConstantPass(options, CheckId.SourceRecorded, "source", "the source connector and key are recorded", "来源连接器与来源标识已记录");
        _requiredPresent = CheckRecorder.ConstantPass(options, CheckId.RequiredMetadata, null, "the required metadata is present", "必备元数据齐全");
    }

    /// <summary>
    /// Checks <paramref name="record"/>. The archival code is checked only when the record has one; the attachment
    /// count only when the source declared one (<paramref name="declaredAttachmentCount"/>) and is compared with
    /// <paramref name="foundAttachmentCount"/>, by default the record's attachments.
    /// </summary>
    public IReadOnlyList<CheckResult> Check(ArchiveRecord record, int? declaredAttachmentCount = null, int? foundAttachmentCount = null)
    {
        var results = new List<CheckResult>(4);
        CheckInto(results, record, declaredAttachmentCount, foundAttachmentCount);
        return results;
    }

    /// <summary>As <see cref="Check"/>, appending the results to <paramref name="into"/>.</summary>
    internal void CheckInto(List<CheckResult> into, ArchiveRecord record, int? declaredAttachmentCount = null, int? foundAttachmentCount = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var recorder = new CheckRecorder(_options, into);

        var source = record.Source;
        var sourced = !string.IsNullOrWhiteSpace(source.ConnectorId) && !string.IsNullOrWhiteSpace(source.SourceKey);
        // A pass says no more than the record's own source fields do (and is stored by id only): no text per record.
        if (!sourced) recorder.Add(CheckId.SourceRecorded, false, "source", "the connector id or source key is missing", "缺少来源连接器或来源标识");
        else if (_sourceRecorded is not null) recorder.Add(_sourceRecorded);

        if (!string.IsNullOrEmpty(record.ArchivalCode) && recorder.IsOn(CheckId.ArchivalCodeWellFormed))
        {
            var code = record.ArchivalCode;
            if (_codeTemplate.IsWellFormed(code, record))
            {
                recorder.Add(CheckId.ArchivalCodeWellFormed, true, "archivalCode", $"'{code}' fits the template", $"档号“{code}”符合规则");
            }
            else
            {
                var expected = record.ItemNo is { } n and >= 1 ? _codeTemplate.Format(record, n) : _codeTemplate.PartitionKey(record);
                recorder.Add(CheckId.ArchivalCodeWellFormed, false, "archivalCode",
                    $"'{code}' is not what the template '{_codeTemplate}' makes of this record ('{expected}')",
                    $"档号“{code}”与按规则“{_codeTemplate}”由元数据生成的“{expected}”不符");
            }
        }

        List<string>? missing = null;
        var required = _required.GetOrAdd(record.Category ?? "", (c, o) => o.RequiredFieldsFor(c.Length == 0 ? null : c), _options);
        for (var i = 0; i < required.Count; i++)
        {
            if (IsEmpty(record, required[i])) (missing ??= []).Add(required[i]);
        }
        if (missing is null)
        {
            if (_requiredPresent is not null) recorder.Add(_requiredPresent);
        }
        else
        {
            var list = string.Join(", ", missing);
            recorder.Add(CheckId.RequiredMetadata, false, list, $"required metadata missing: {list}", $"缺少必备元数据：{list}");
        }

        if (declaredAttachmentCount is { } declared)
        {
            var found = foundAttachmentCount ?? record.Attachments.Count;
            recorder.Add(CheckId.AttachmentCount, found == declared, "attachments",
                found == declared ? $"{found} attachment(s) as declared" : $"{declared} attachment(s) declared, {found} found",
                found == declared ? $"附件 {found} 个，与声明一致" : $"声明附件 {declared} 个，实际 {found} 个");
        }
    }

    private static bool IsEmpty(ArchiveRecord r, string field) => string.IsNullOrWhiteSpace(field switch
    {
        CanonicalFields.Fonds => r.Fonds,
        CanonicalFields.FondsUnit => r.FondsUnit,
        CanonicalFields.Category => r.Category,
        CanonicalFields.Year => r.Year?.ToString(CultureInfo.InvariantCulture),
        CanonicalFields.Retention => r.Retention,
        CanonicalFields.Org => r.Org,
        CanonicalFields.Title => r.Title,
        CanonicalFields.DocNumber => r.DocNumber,
        CanonicalFields.Responsible => r.Responsible,
        CanonicalFields.Date => r.Date,
        CanonicalFields.Security => r.Security,
        CanonicalFields.Pages => r.Pages?.ToString(CultureInfo.InvariantCulture),
        CanonicalFields.DocType => r.DocType,
        CanonicalFields.Keywords => r.Keywords.Count > 0 ? "x" : null,
        CanonicalFields.Notes => r.Notes,
        _ when field.StartsWith(CanonicalFields.ExtraPrefix, StringComparison.Ordinal) => r.Extra.GetValueOrDefault(field[CanonicalFields.ExtraPrefix.Length..]),
        _ => null,
    });
}
