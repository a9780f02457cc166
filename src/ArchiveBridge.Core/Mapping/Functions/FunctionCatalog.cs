using System.Collections.Frozen;
using static ArchiveBridge.Core.Mapping.Functions.ParameterKind;

namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>
/// Every function of the mapping language. The language stays small and total: each function maps text
/// to text (or lists of texts), none loops or does I/O. Add a function here when a real source needs it.
/// </summary>
internal static class FunctionCatalog
{
    public static readonly FrozenDictionary<string, FunctionDefinition> Functions = new FunctionDefinition[]
    {
        new("trim", "trim", [], 0, false, ListEffect.Keeps, TextFunctions.Trim),
        new("upper", "upper", [], 0, false, ListEffect.Keeps, TextFunctions.Upper),
        new("lower", "lower", [], 0, false, ListEffect.Keeps, TextFunctions.Lower),
        new("default", "default('value')", [Text], 1, false, ListEffect.Keeps, ValueFunctions.Default),
        new("required", "required", [], 0, false, ListEffect.Keeps, ValueFunctions.Required),
        new("lookup", "lookup(table)", [Table], 1, false, ListEffect.Keeps, ValueFunctions.Lookup),
        new("date", "date('yyyy-MM-dd', …)", [Text], 0, true, ListEffect.Keeps, DateFunctions.Date),
        new("year", "year", [], 0, false, ListEffect.Keeps, DateFunctions.Year),
        new("number", "number", [], 0, false, ListEffect.Keeps, NumberFunction.Compile),
        new("regex", "regex('pattern', group)", [Text, Group], 1, false, ListEffect.Keeps, RegexFunction.Compile),
        new("replace", "replace('old', 'new')", [Text, Text], 2, false, ListEffect.Keeps, TextFunctions.Replace),
        new("substr", "substr(start, length)", [Integer, Integer], 1, false, ListEffect.Keeps, TextFunctions.Substr),
        new("split", "split(';', …)", [Text], 1, true, ListEffect.MakesList, ListFunctions.Split),
        new("join", "join(';')", [Text], 1, false, ListEffect.MakesScalar, ListFunctions.Join),
        new("first", "first", [], 0, false, ListEffect.MakesScalar, ListFunctions.First),
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static string Names => string.Join(", ", Functions.Keys.Order(StringComparer.Ordinal));
}
