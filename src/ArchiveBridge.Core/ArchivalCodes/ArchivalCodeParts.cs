namespace ArchiveBridge.Core.ArchivalCodes;

/// <summary>
/// The values an archival code is made of, as read back from a code by
/// <see cref="ArchivalCodeTemplate.TryParse"/>. A part the code leaves out (empty in the record) is null.
/// </summary>
public sealed record ArchivalCodeParts
{
    public string? Fonds { get; init; }
    public string? Category { get; init; }
    public int? Year { get; init; }
    public string? Retention { get; init; }
    public string? Org { get; init; }
    public int ItemNo { get; init; }
}
