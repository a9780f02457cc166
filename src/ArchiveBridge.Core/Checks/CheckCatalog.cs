namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Every ingest check with its property and default level. Defaults block what makes a record
/// unprovable or unsafe and warn about what an archivist should look at but can live with.
/// </summary>
public static class CheckCatalog
{
    public static IReadOnlyList<CheckDefinition> All { get; } =
    [
        new(CheckId.SourceRecorded, CheckProperty.Authenticity, CheckLevel.Block,
            "The source system and the record's key in it are recorded", "记录了来源系统及其中的记录标识"),
        new(CheckId.DigestDeclaredMatch, CheckProperty.Authenticity, CheckLevel.Block,
            "The SHA-256 and size the source declared match the bytes received", "来源声明的 SHA-256 与大小和接收的文件一致"),
        new(CheckId.StoredDigestMatch, CheckProperty.Authenticity, CheckLevel.Block,
            "The stored file, read back, hashes to the digest computed on arrival", "存储后回读的文件摘要与接收时计算的一致"),
        new(CheckId.ArchivalCodeWellFormed, CheckProperty.Authenticity, CheckLevel.Block,
            "The archival code is the one the template makes from the record's metadata", "档号与按规则由元数据生成的档号一致"),
        new(CheckId.RequiredMetadata, CheckProperty.Integrity, CheckLevel.Block,
            "The required metadata is present", "必备元数据齐全"),
        new(CheckId.AttachmentCount, CheckProperty.Integrity, CheckLevel.Block,
            "As many attachments were received as the source declared", "接收的附件数与来源声明的一致"),
        new(CheckId.FormatIdentified, CheckProperty.Usability, CheckLevel.Warn,
            "The file format is identified from the bytes", "根据文件内容识别出了格式"),
        new(CheckId.FormatMatchesName, CheckProperty.Usability, CheckLevel.Warn,
            "The file name's extension fits the format", "文件扩展名与格式相符"),
        new(CheckId.FormatAllowed, CheckProperty.Usability, CheckLevel.Block,
            "The format is one the archive accepts", "文件格式属于归档格式"),
        new(CheckId.NotEmpty, CheckProperty.Usability, CheckLevel.Block,
            "The file is not empty", "文件不为空"),
        new(CheckId.PdfOpens, CheckProperty.Usability, CheckLevel.Block,
            "The PDF opens and has pages", "PDF 可以打开且有页面"),
        new(CheckId.PdfNotEncrypted, CheckProperty.Usability, CheckLevel.Block,
            "The PDF is not encrypted", "PDF 未加密"),
        new(CheckId.PathInRoot, CheckProperty.Security, CheckLevel.Block,
            "The attachment path stays inside the configured root", "附件路径未超出配置的根目录"),
        new(CheckId.FileNameSafe, CheckProperty.Security, CheckLevel.Warn,
            "The file name is safe on every file system", "文件名在各文件系统上均安全"),
        new(CheckId.VirusScan, CheckProperty.Security, CheckLevel.Block,
            "The virus scanner found nothing", "病毒扫描未发现问题"),
    ];

    private static readonly Dictionary<string, CheckDefinition> ById = All.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The definition of <paramref name="id"/>, or null for an unknown id.</summary>
    public static CheckDefinition? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id);
    }

    internal static CheckDefinition Get(string id) =>
        Find(id) ?? throw new ArgumentException($"unknown check id '{id}'", nameof(id));
}
