using System.Text.Json;

namespace ArchiveBridge.Core.Mapping.Loading;

/// <summary>Reads the <c>lookups</c> block: table name to an object of "from": "to" strings.</summary>
internal static class LookupTableReader
{
    public static void Read(MappingJsonMember lookups, Dictionary<string, LookupTable> tables, DiagnosticBag diagnostics)
    {
        if (lookups.Value.Kind != JsonValueKind.Object)
        {
            diagnostics.Add(lookups.Value.Line, "lookups", $"'lookups' must be an object of table: {{ from: to }}, not {lookups.Value.KindName}");
            return;
        }
        foreach (var (name, line, table) in lookups.Value.Members)
        {
            var field = $"lookups.{name}";
            if (table.Kind != JsonValueKind.Object)
            {
                diagnostics.Add(table.Line, field, $"a lookup table must be an object of \"from\": \"to\", not {table.KindName}");
                continue;
            }
            var entries = new List<(string, string, int)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in table.Members)
            {
                if (!seen.Add(entry.Name)) diagnostics.Add(entry.Line, field, $"'{entry.Name}' is given twice");
                else if (entry.Value.Kind == JsonValueKind.String) entries.Add((entry.Name, entry.Value.Text!, entry.Line));
                else diagnostics.Add(entry.Value.Line, field, $"the value for '{entry.Name}' must be a string, not {entry.Value.KindName}");
            }
            if (!tables.TryAdd(name, new LookupTable(name, line, entries)))
                diagnostics.Add(line, field, $"lookup table '{name}' is given twice");
        }
    }
}
