namespace ArchiveBridge.Core.Configuration;

/// <summary>Controlled vocabularies; a value outside them quarantines the record (unknown_value).</summary>
public sealed class VocabularyOptions
{
    /// <summary>保管期限: Y 永久, D30 定期30年, D10 定期10年.</summary>
    public List<string> Retention { get; set; } = [];

    /// <summary>密级.</summary>
    public List<string> Security { get; set; } = [];

    /// <summary>门类代码.</summary>
    public List<string> Category { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultRetention = ["Y", "D30", "D10"];
    public static readonly IReadOnlyList<string> DefaultSecurity = ["公开", "内部", "限制", "秘密", "机密", "绝密"];
    public static readonly IReadOnlyList<string> DefaultCategory = ["WS", "KJ", "KU", "RS", "ZP", "LY", "LX", "SJ", "YJ", "WY", "MT", "SW"];

    public IReadOnlyList<string> EffectiveRetention => Retention.Count > 0 ? Retention : DefaultRetention;
    public IReadOnlyList<string> EffectiveSecurity => Security.Count > 0 ? Security : DefaultSecurity;
    public IReadOnlyList<string> EffectiveCategory => Category.Count > 0 ? Category : DefaultCategory;
}
