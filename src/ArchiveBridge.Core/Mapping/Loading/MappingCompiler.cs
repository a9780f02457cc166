using System.Text.Json;
using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Records;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Mapping.Loading;

/// <summary>
/// Checks a parsed mapping file and compiles it. Every mistake becomes a diagnostic with its line and
/// field; compilation goes on after a mistake so one <c>check</c> run lists them all.
/// </summary>
internal sealed class MappingCompiler
{
    internal static readonly string[] TopLevelKeys = ["$schema", "name", "description", "system", "category", "key", "fields", "attachments", "lookups"];

    private readonly DiagnosticBag _diagnostics;
    private readonly VocabularyCheck? _vocabularyCheck;
    private readonly Dictionary<string, LookupTable> _lookups = new(StringComparer.Ordinal);

    private MappingCompiler(string file, VocabularyOptions? vocabularies)
    {
        _diagnostics = new DiagnosticBag(file);
        if (vocabularies is not null) _vocabularyCheck = new VocabularyCheck(vocabularies, _lookups, _diagnostics);
    }

    public static CompiledMapping? Compile(MappingJsonValue root, string file, VocabularyOptions? vocabularies, out IReadOnlyList<MappingDiagnostic> diagnostics)
    {
        var compiler = new MappingCompiler(file, vocabularies);
        var mapping = compiler.CompileRoot(root);
        diagnostics = compiler._diagnostics.Items;
        return compiler._diagnostics.HasErrors ? null : mapping;
    }

    private CompiledMapping? CompileRoot(MappingJsonValue root)
    {
        if (root.Kind != JsonValueKind.Object)
        {
            _diagnostics.Add(root.Line, "", $"a mapping must be a JSON object, not {root.KindName}");
            return null;
        }
        var members = new Dictionary<string, MappingJsonMember>(StringComparer.Ordinal);
        foreach (var member in root.Members)
        {
            if (!TopLevelKeys.Contains(member.Name))
                _diagnostics.Add(member.Line, member.Name, new($"unknown key '{member.Name}'", $" (known: {string.Join(", ", TopLevelKeys.Skip(1))})"));
            else if (!members.TryAdd(member.Name, member))
                _diagnostics.Add(member.Line, member.Name, $"'{member.Name}' is given twice");
        }

        // Lookups first: expressions anywhere in the file may name them.
        if (members.TryGetValue("lookups", out var lookups)) LookupTableReader.Read(lookups, _lookups, _diagnostics);
        var name = ReadText(members, "name", root.Line);
        var system = ReadText(members, "system", root.Line, required: false);
        ReadText(members, "description", root.Line, required: false);

        CompiledExpression? key = null;
        if (members.TryGetValue("key", out var keyMember) && ExpressionText(keyMember, "key") is { } keyText)
            key = CompileScalar(keyText, keyMember.Value.Line, "key", "key", isKey: true);

        var scalars = new List<(string Target, CompiledExpression Expression)>();
        if (members.TryGetValue("category", out var categoryMember) && ExpressionText(categoryMember, "category") is { } categoryText)
        {
            if (CompileCategory(categoryText, categoryMember.Value.Line) is { } category) scalars.Add((CanonicalFields.Category, category));
        }

        CompiledExpression? keywords = null;
        if (!members.TryGetValue("fields", out var fields))
            _diagnostics.Add(root.Line, "fields", "missing 'fields': map at least one target (title, date …)");
        else if (fields.Value.Kind != JsonValueKind.Object)
            _diagnostics.Add(fields.Value.Line, "fields", $"'fields' must be an object of target: expression, not {fields.Value.KindName}");
        else
            keywords = ReadFields(fields.Value, scalars, categoryMember is not null);

        AttachmentMapper? attachments = null;
        if (members.TryGetValue("attachments", out var attachmentMember)) attachments = AttachmentCompiler.Compile(attachmentMember.Value, this);

        return _diagnostics.HasErrors ? null : new CompiledMapping(name!, _diagnostics.File, system, key, scalars, keywords, attachments);
    }

    private CompiledExpression? ReadFields(MappingJsonValue fields, List<(string, CompiledExpression)> scalars, bool categoryAtTop)
    {
        CompiledExpression? keywords = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (target, line, value) in fields.Members)
        {
            var field = $"fields.{target}";
            if (!CanonicalFields.IsKnown(target))
            {
                _diagnostics.Add(line, field, new($"unknown target '{target}'",
                    $" (targets: {string.Join(", ", CanonicalFields.Scalar)}, {CanonicalFields.Keywords}; or extra.<name> for anything else)"));
                continue;
            }
            if (!seen.Add(target) || (target == CanonicalFields.Category && categoryAtTop))
            {
                _diagnostics.Add(line, field, $"'{target}' is mapped twice");
                continue;
            }
            if (value.Kind != JsonValueKind.String)
            {
                _diagnostics.Add(value.Line, field, $"must be an expression string, not {value.KindName}");
                continue;
            }
            if (target == CanonicalFields.Keywords)
            {
                keywords = CompileExpression(value.Text!, value.Line, field, target);
                continue;
            }
            if (CompileScalar(value.Text!, value.Line, field, target) is { } expression) scalars.Add((target, expression));
        }
        return keywords;
    }

    /// <summary>A bare upper-case code (<c>RS</c>, <c>WS</c>) is the category itself; anything else is an expression.</summary>
    private CompiledExpression? CompileCategory(string text, int line)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > 8 || !char.IsAsciiLetterUpper(trimmed[0]) || trimmed.AsSpan().ContainsAnyExcept(CodeCharacters))
            return CompileScalar(text, line, CanonicalFields.Category, CanonicalFields.Category);
        var constant = ExpressionCompiler.Constant(trimmed);
        _vocabularyCheck?.Check(CanonicalFields.Category, constant.Syntax, CanonicalFields.Category, line);
        return constant;
    }

    private static readonly System.Buffers.SearchValues<char> CodeCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>Compiles an expression for a target that takes one value: a list-valued expression is a mistake.</summary>
    private CompiledExpression? CompileScalar(string text, int line, string field, string target, bool isKey = false)
    {
        var expression = CompileExpression(text, line, field, target, isKey);
        if (expression is { YieldsList: true })
        {
            _diagnostics.Add(line, field, new($"'{target}' takes one value but the expression yields a list", ": end it with | join(';') or | first"));
            return null;
        }
        if (expression is not null && VocabularyCheck.Applies(target)) _vocabularyCheck?.Check(target, expression.Syntax, field, line);
        return expression;
    }

    internal CompiledExpression? CompileExpression(string text, int line, string field, string target, bool isKey = false) =>
        ExpressionCompiler.Compile(text, target, _lookups, (position, message) => _diagnostics.Add(line, field, message, position), isKey);

    internal FieldPath? ParsePath(string text, int line, string field)
    {
        try
        {
            return FieldPath.Parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            _diagnostics.Add(line, field, new("bad path", $": {e.Message}"));
            return null;
        }
    }

    internal void Error(int line, string field, ErrorText message) => _diagnostics.Add(line, field, message);

    private string? ExpressionText(MappingJsonMember member, string field)
    {
        if (member.Value.Kind == JsonValueKind.String && !string.IsNullOrWhiteSpace(member.Value.Text)) return member.Value.Text;
        _diagnostics.Add(member.Value.Line, field, member.Value.Kind == JsonValueKind.String
            ? $"'{field}' must not be empty"
            : $"'{field}' must be an expression string, not {member.Value.KindName}");
        return null;
    }

    private string? ReadText(Dictionary<string, MappingJsonMember> members, string name, int rootLine, bool required = true)
    {
        if (!members.TryGetValue(name, out var member))
        {
            if (required) _diagnostics.Add(rootLine, name, $"missing '{name}'");
            return null;
        }
        if (member.Value.Kind == JsonValueKind.String && !string.IsNullOrWhiteSpace(member.Value.Text)) return member.Value.Text;
        _diagnostics.Add(member.Value.Line, name, $"'{name}' must be a non-empty string");
        return null;
    }
}
