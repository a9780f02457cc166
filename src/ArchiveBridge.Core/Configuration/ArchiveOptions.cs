namespace ArchiveBridge.Core.Configuration;

/// <summary>The archive's own identity and rules: 全宗, 档号 template, vocabularies.</summary>
public sealed class ArchiveOptions
{
    public const string DefaultArchivalCodeTemplate = "{fonds}-{category}·{year}-{retention}-{org}-{itemNo:0000}";

    /// <summary>全宗号.</summary>
    public string Fonds { get; set; } = "Z001";

    /// <summary>立档单位名称.</summary>
    public string? FondsUnit { get; set; }

    /// <summary>档号 template (DA/T 22-2015 by default; DA/T 13-2022 styles are configuration too).</summary>
    public string ArchivalCode { get; set; } = DefaultArchivalCodeTemplate;

    public VocabularyOptions Vocabularies { get; set; } = new();
}
