namespace ArchiveBridge.Core.ArchivalCodes;

/// <summary>The parts an archival code (档号) template may name, after DA/T 22-2015.</summary>
public enum ArchivalCodePart
{
    /// <summary><c>{fonds}</c> 全宗号.</summary>
    Fonds,

    /// <summary><c>{category}</c> 门类代码.</summary>
    Category,

    /// <summary><c>{year}</c> 年度; takes a zero-pad format.</summary>
    Year,

    /// <summary><c>{retention}</c> 保管期限代码.</summary>
    Retention,

    /// <summary><c>{org}</c> 机构(问题)代码.</summary>
    Org,

    /// <summary><c>{itemNo}</c> 件号; required; takes a zero-pad format such as <c>0000</c>.</summary>
    ItemNo,
}
