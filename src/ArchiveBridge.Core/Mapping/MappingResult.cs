using ArchiveBridge.Core.Attachments;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Mapping;

/// <summary>
/// The canonical values a mapping produced for one record, still as text: typing and vocabulary checks
/// happen in <see cref="Validation.RecordBuilder"/>, so mapping stays a pure text transformation.
/// </summary>
public sealed class MappingResult
{
    /// <summary>The record's identity within its connector (the mapping's <c>key</c>, else the source's key).</summary>
    public string? Key { get; init; }

    /// <summary>Scalar targets (<c>title</c>, <c>date</c>, <c>extra.employeeId</c> …) to their mapped text; empty values are left out.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = System.Collections.Frozen.FrozenDictionary<string, string>.Empty;

    /// <summary>主题词, when mapped.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Attachments the mapping found (paths, URLs, or described objects).</summary>
    public IReadOnlyList<AttachmentReference> Attachments { get; init; } = [];

    /// <summary>How many attachments the source says the record has, when it says (the 完整性 count check).</summary>
    public int? DeclaredAttachmentCount { get; init; }

    /// <summary>Set when the record cannot be mapped (missing_field, bad_date, unknown_value …).</summary>
    public RecordProblem? Problem { get; init; }

    public bool Succeeded => Problem is null;

    public static MappingResult Failed(RecordProblem problem) => new() { Problem = problem };
}
