namespace ArchiveBridge.Core.Records;

/// <summary>Which canonical fields differ between two versions (for version history and audit).</summary>
public static class RecordDiff
{
    public static IReadOnlyList<string> ChangedFields(ArchiveRecord before, ArchiveRecord after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changed = new List<string>();
        void Cmp(string name, object? a, object? b)
        {
            if (!Equals(a, b)) changed.Add(name);
        }
        Cmp(CanonicalFields.Fonds, before.Fonds, after.Fonds);
        Cmp(CanonicalFields.FondsUnit, before.FondsUnit, after.FondsUnit);
        Cmp(CanonicalFields.Category, before.Category, after.Category);
        Cmp(CanonicalFields.Year, before.Year, after.Year);
        Cmp(CanonicalFields.Retention, before.Retention, after.Retention);
        Cmp(CanonicalFields.Org, before.Org, after.Org);
        Cmp(CanonicalFields.Title, before.Title, after.Title);
        Cmp(CanonicalFields.DocNumber, before.DocNumber, after.DocNumber);
        Cmp(CanonicalFields.Responsible, before.Responsible, after.Responsible);
        Cmp(CanonicalFields.Date, before.Date, after.Date);
        Cmp(CanonicalFields.Security, before.Security, after.Security);
        Cmp(CanonicalFields.Pages, before.Pages, after.Pages);
        Cmp(CanonicalFields.DocType, before.DocType, after.DocType);
        Cmp(CanonicalFields.Notes, before.Notes, after.Notes);
        if (!before.Keywords.SequenceEqual(after.Keywords)) changed.Add(CanonicalFields.Keywords);
        foreach (var key in before.Extra.Keys.Union(after.Extra.Keys).Order(StringComparer.Ordinal))
        {
            before.Extra.TryGetValue(key, out var a);
            after.Extra.TryGetValue(key, out var b);
            if (a != b) changed.Add(CanonicalFields.ExtraPrefix + key);
        }
        if (!before.Attachments.Select(x => x.Sha256).Order(StringComparer.Ordinal)
                .SequenceEqual(after.Attachments.Select(x => x.Sha256).Order(StringComparer.Ordinal)))
            changed.Add("attachments");
        return changed;
    }
}
