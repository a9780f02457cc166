using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ArchiveBridge.Core.Records;

namespace ArchiveBridge.Core.ArchivalCodes;

/// <summary>
/// An archival code (档号) template, parsed once from configuration, e.g.
/// <c>{fonds}-{category}·{year}-{retention}-{org}-{itemNo:0000}</c> (DA/T 22-2015) or
/// <c>{fonds}-{category}·{year}·{retention}·{org}-{itemNo:0000}</c> (DA/T 13-2022 style). The literal text
/// between two parts is the separator of the later part: a part that is empty for a record drops out
/// together with the separator before it (no org: <c>Z001-WS·2024-D30-0007</c>).
/// </summary>
public sealed class ArchivalCodeTemplate : ArchiveBridge.Core.Storage.IArchivalCodeScheme
{
    /// <summary>Stands for the item number in <see cref="PartitionKey"/>.</summary>
    public const string ItemNoPlaceholder = "{itemNo}";

    private readonly ArchivalCodeLayout _layout;

    // The item number's segment when it ends the code (as in both standard layouts): a code is then its partition
    // key with the padded number in place of the placeholder at the end.
    private readonly ArchivalCodeSegment? _lastItemNo;

    private ArchivalCodeTemplate(string template, ArchivalCodeLayout layout)
    {
        Template = template;
        _layout = layout;
        Parts = [.. layout.Segments.Select(s => s.Part)];
        _lastItemNo = layout.Segments.Count > 0 && layout.Segments[^1].Part == ArchivalCodePart.ItemNo ? layout.Segments[^1] : null;
        _itemNoTail = ItemNoPlaceholder + layout.Suffix;
        _itemNoDigits = _lastItemNo?.Format is { } width ? "D" + width.Length.ToString(CultureInfo.InvariantCulture) : null;
    }

    // How a partition key ends when the item number ends the code: the placeholder, then the template's suffix.
    private readonly string _itemNoTail;

    // The item number's zero padding as a number format ("D4" for {itemNo:0000}; the same as Pad).
    private readonly string? _itemNoDigits;

    /// <summary>The template text as configured.</summary>
    public string Template { get; }

    /// <summary>The parts in template order.</summary>
    public IReadOnlyList<ArchivalCodePart> Parts { get; }

    /// <summary>Parses <paramref name="template"/>; throws <see cref="ConfigurationException"/> listing every problem.</summary>
    public static ArchivalCodeTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var problems = new List<string>();
        var layout = ArchivalCodeTemplateParser.Parse(template, problems);
        if (problems.Count > 0)
            throw new ConfigurationException($"archival code template '{template}': {string.Join("; ", problems)}", field: "archive.archivalCode");
        return new ArchivalCodeTemplate(template, layout);
    }

    /// <summary>Every problem of <paramref name="template"/> (unknown part, missing itemNo, unclosed brace …); empty when it is usable.</summary>
    public static IReadOnlyList<string> Validate(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var problems = new List<string>();
        ArchivalCodeTemplateParser.Parse(template, problems);
        return problems;
    }

    /// <summary>The code of <paramref name="record"/> with item number <paramref name="itemNo"/> (from 1).</summary>
    public string Format(ArchiveRecord record, int itemNo)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(itemNo, 1);
        return Render(ValuesOf(record), itemNo.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The code of <paramref name="record"/>, whose <see cref="PartitionKey"/> is <paramref name="partitionKey"/>, with
    /// item number <paramref name="itemNo"/>: the partition key with the number in place of its placeholder, without
    /// rendering the record again (the store asks once for every new record).
    /// </summary>
    public string Format(ArchiveRecord record, string partitionKey, int itemNo)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        if (_lastItemNo is not { } segment || !partitionKey.EndsWith(_itemNoTail, StringComparison.Ordinal)) return Format(record, itemNo);
        ArgumentOutOfRangeException.ThrowIfLessThan(itemNo, 1);
        // One string, the number formatted into it: the store asks once for every new record, on its writer's thread.
        var prefix = partitionKey.AsSpan(0, partitionKey.Length - _itemNoTail.Length);
        var room = prefix.Length + Math.Max(10, segment.Format?.Length ?? 0) + _layout.Suffix.Length;
        Span<char> code = room <= 256 ? stackalloc char[room] : new char[room];
        prefix.CopyTo(code);
        itemNo.TryFormat(code[prefix.Length..], out var digits, _itemNoDigits, CultureInfo.InvariantCulture);
        var length = prefix.Length + digits;
        _layout.Suffix.CopyTo(code[length..]);
        return new string(code[..(length + _layout.Suffix.Length)]);
    }

    /// <summary>The code made of <paramref name="parts"/>; the inverse of <see cref="TryParse"/>.</summary>
    public string Format(ArchivalCodeParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts.ItemNo, 1);
        return Render([parts.Fonds, parts.Category, Invariant(parts.Year), parts.Retention, parts.Org], Invariant(parts.ItemNo));
    }

    /// <summary>
    /// The sequence an item number is allocated in: the record's code with <see cref="ItemNoPlaceholder"/> for the
    /// item number, e.g. <c>Z001-WS·2024-D30-BGS-{itemNo}</c>. Built from fonds, category, year, retention and org
    /// as this template renders them, so two records share a sequence exactly when their codes can differ only
    /// by item number; parts the template leaves out do not split sequences.
    /// </summary>
    public string PartitionKey(ArchiveRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Render(ValuesOf(record), itemNo: null);
    }

    /// <summary>
    /// Reads the parts back from <paramref name="code"/>. True only when the code is exactly what
    /// <see cref="Format(ArchivalCodeParts)"/> makes of them (padding included).
    /// </summary>
    public bool TryParse(string? code, [NotNullWhen(true)] out ArchivalCodeParts? parts)
    {
        parts = code is null ? null : ArchivalCodeReader.Read(_layout, code);
        if (parts is not null && !string.Equals(Format(parts), code, StringComparison.Ordinal))
            parts = null;
        return parts is not null;
    }

    /// <summary>
    /// True when <paramref name="code"/> is the code this template makes from <paramref name="record"/>'s own
    /// metadata: the 真实性 check that a code was not typed by hand or carried over from another record.
    /// The item number is the record's, else the one read from the code.
    /// </summary>
    public bool IsWellFormed(string? code, ArchiveRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrEmpty(code))
            return false;
        var itemNo = record.ItemNo ?? (TryParse(code, out var parts) ? parts.ItemNo : 0);
        return itemNo >= 1 && string.Equals(Format(record, itemNo), code, StringComparison.Ordinal);
    }

    public override string ToString() => Template;

    private static string?[] ValuesOf(ArchiveRecord r) =>
        [r.Fonds, r.Category, Invariant(r.Year), r.Retention, r.Org];

    private static string? Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Values indexed by <see cref="ArchivalCodePart"/> (item number apart); null item number renders the placeholder.</summary>
    private string Render(string?[] values, string? itemNo)
    {
        var code = new StringBuilder(_layout.Prefix);
        var any = false;
        foreach (var segment in _layout.Segments)
        {
            var value = segment.Part == ArchivalCodePart.ItemNo
                ? itemNo is null ? ItemNoPlaceholder : Pad(itemNo, segment.Format)
                : values[(int)segment.Part]?.Trim();
            if (string.IsNullOrEmpty(value))
                continue;
            if (segment.Part == ArchivalCodePart.Year)
                value = Pad(value, segment.Format);
            if (any)
                code.Append(segment.Separator);
            code.Append(value);
            any = true;
        }
        return code.Append(_layout.Suffix).ToString();
    }

    private static string Pad(string digits, string? format) =>
        format is null ? digits : digits.PadLeft(format.Length, '0');
}
