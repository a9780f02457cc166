using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Storage;

namespace ArchiveBridge.Host.Composition;

// TEMPORARY: replaced by ArchivalCodeTemplate from Core when the archival-code branch lands.
internal sealed class TemplateArchivalCodeScheme(string template) : IArchivalCodeScheme
{
    public string PartitionKey(ArchiveRecord r) => $"{r.Fonds}|{r.Category}|{r.Year}|{r.Retention}|{r.Org}";

    public string Format(ArchiveRecord r, int itemNo) =>
        template.Replace("{fonds}", r.Fonds).Replace("{category}", r.Category).Replace("{year}", r.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{retention}", r.Retention).Replace("-{org}", string.IsNullOrEmpty(r.Org) ? "" : "-" + r.Org)
            .Replace("{itemNo:0000}", itemNo.ToString("0000", System.Globalization.CultureInfo.InvariantCulture));
}
