namespace ArchiveBridge.Core.Checks;

/// <summary>The four properties (四性) the Archives Law and DA/T 70-2018 require of an electronic record.</summary>
public enum CheckProperty
{
    /// <summary>真实性: the record is what it claims to be, from where it claims to come.</summary>
    Authenticity,

    /// <summary>完整性: nothing of the record is missing.</summary>
    Integrity,

    /// <summary>可用性: the record can be read now and later.</summary>
    Usability,

    /// <summary>安全性: taking the record in puts nothing at risk.</summary>
    Security,
}

public static class CheckPropertyExtensions
{
    /// <summary>The Chinese name used in reports: 真实性, 完整性, 可用性, 安全性.</summary>
    public static string ToChinese(this CheckProperty property) => property switch
    {
        CheckProperty.Authenticity => "真实性",
        CheckProperty.Integrity => "完整性",
        CheckProperty.Usability => "可用性",
        CheckProperty.Security => "安全性",
        _ => throw new ArgumentOutOfRangeException(nameof(property), property, "unknown check property"),
    };
}
