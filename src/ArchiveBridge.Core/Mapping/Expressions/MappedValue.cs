namespace ArchiveBridge.Core.Mapping.Expressions;

/// <summary>
/// What flows between the steps of an expression: one text, or a list of texts (from <c>[*]</c>, <c>split</c>,
/// or a JSON array). A struct, so a scalar value costs nothing beyond its string.
/// </summary>
/// <remarks>Lists never hold empty items: a step that empties an item drops it, so "empty" has one meaning.</remarks>
internal readonly struct MappedValue
{
    /// <summary>The separator used when a list reaches a place that takes one text (a scalar target, a template part).</summary>
    public const string ListSeparator = ";";

    private MappedValue(string? text, string[]? items)
    {
        Text = text;
        Items = items;
    }

    public static MappedValue Empty => default;

    public string? Text { get; }

    public string[]? Items { get; }

    public bool IsList => Items is not null;

    public bool IsEmpty => Items is null ? string.IsNullOrEmpty(Text) : Items.Length == 0;

    public static MappedValue Of(string? text) => new(text, null);

    /// <summary>A list; empty items are dropped (the array is reused when it holds none).</summary>
    public static MappedValue List(string?[] items)
    {
        var count = 0;
        foreach (var item in items)
            if (!string.IsNullOrEmpty(item)) count++;
        if (count == items.Length) return new(null, items!);
        var kept = new string[count];
        var i = 0;
        foreach (var item in items)
            if (!string.IsNullOrEmpty(item)) kept[i++] = item;
        return new(null, kept);
    }

    /// <summary>The value as one text: a list is joined with <see cref="ListSeparator"/>; empty is null.</summary>
    public string? AsText() => Items switch
    {
        null => string.IsNullOrEmpty(Text) ? null : Text,
        { Length: 0 } => null,
        { Length: 1 } => Items[0],
        _ => string.Join(ListSeparator, Items),
    };

    /// <summary>Copies the non-empty texts into <paramref name="target"/>.</summary>
    public void AddTo(List<string> target)
    {
        if (Items is null)
        {
            if (!string.IsNullOrEmpty(Text)) target.Add(Text);
        }
        else target.AddRange(Items);
    }

    public int Count => Items?.Length ?? (string.IsNullOrEmpty(Text) ? 0 : 1);

    public override string ToString() => AsText() ?? string.Empty;
}
