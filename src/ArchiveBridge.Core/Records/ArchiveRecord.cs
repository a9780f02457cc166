namespace ArchiveBridge.Core.Records;

/// <summary>
/// The canonical archive record (after DA/T 46-2009 文书类电子文件元数据方案). Every connector's output is
/// mapped into this one shape; the archive stores nothing else. Dates are ISO <c>yyyy-MM-dd</c> strings so
/// the record reads the same in JSON, in the store and in reports.
/// </summary>
public sealed class ArchiveRecord
{
    /// <summary>内部标识: never reused.</summary>
    public string? Id { get; set; }

    /// <summary>档号: generated from the configured template; stable across versions.</summary>
    public string? ArchivalCode { get; set; }

    /// <summary>全宗号.</summary>
    public string? Fonds { get; set; }

    /// <summary>立档单位名称.</summary>
    public string? FondsUnit { get; set; }

    /// <summary>门类代码 (WS 文书, KJ 科技, KU 会计, RS 人事 …).</summary>
    public string? Category { get; set; }

    /// <summary>年度: from <see cref="Date"/> unless mapped.</summary>
    public int? Year { get; set; }

    /// <summary>保管期限: Y 永久, D30 定期30年, D10 定期10年.</summary>
    public string? Retention { get; set; }

    /// <summary>机构(问题)代码.</summary>
    public string? Org { get; set; }

    /// <summary>件号: allocated per partition when the record is first archived.</summary>
    public int? ItemNo { get; set; }

    /// <summary>题名 (required).</summary>
    public string? Title { get; set; }

    /// <summary>文号.</summary>
    public string? DocNumber { get; set; }

    /// <summary>责任者.</summary>
    public string? Responsible { get; set; }

    /// <summary>日期, ISO yyyy-MM-dd (required).</summary>
    public string? Date { get; set; }

    /// <summary>密级.</summary>
    public string? Security { get; set; }

    /// <summary>页数.</summary>
    public int? Pages { get; set; }

    /// <summary>文种 (通知, 决定, 批复 …).</summary>
    public string? DocType { get; set; }

    /// <summary>主题词.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>附注.</summary>
    public string? Notes { get; set; }

    /// <summary>来源.</summary>
    public RecordSource Source { get; set; } = new();

    /// <summary>计算机文件: the stored attachments.</summary>
    public List<AttachmentInfo> Attachments { get; set; } = [];

    /// <summary>版本: 1 for the first archived form, +1 per content change.</summary>
    public int Version { get; set; } = 1;

    /// <summary>数字摘要: see <see cref="Fingerprints.RecordFingerprint"/>.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>业务行为: source events mapped, plus the hub's own 归档 event.</summary>
    public List<RecordEvent> Events { get; set; } = [];

    /// <summary>扩展元数据: mapped fields outside the schema (<c>extra.*</c> targets).</summary>
    public ExtraFields Extra
    {
        // Made when first asked for: the mapping sets a presized one, and a record built elsewhere gets an empty one.
        get => _extra ??= [];
        set => _extra = value ?? throw new ArgumentNullException(nameof(value));
    }

    private ExtraFields? _extra;
}
