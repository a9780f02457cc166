using System.Text.Json;
using ArchiveBridge.Core.Mapping.Expressions;

namespace ArchiveBridge.Core.Mapping.Loading;

/// <summary>Compiles the <c>attachments</c> block: an expression string, or an object describing each file.</summary>
internal static class AttachmentCompiler
{
    internal static readonly string[] Keys = ["each", "url", "name", "sha256", "size", "mediaType"];

    public static AttachmentMapper? Compile(MappingJsonValue value, MappingCompiler compiler)
    {
        if (value.Kind == JsonValueKind.String)
        {
            var locations = compiler.CompileExpression(value.Text!, value.Line, "attachments", "attachments");
            return locations is null ? null : new AttachmentMapper(locations);
        }
        if (value.Kind != JsonValueKind.Object)
        {
            compiler.Error(value.Line, "attachments", $"'attachments' must be an expression or an object with each/url/name/sha256/size, not {value.KindName}");
            return null;
        }

        var parts = new Dictionary<string, MappingJsonValue>(StringComparer.Ordinal);
        foreach (var (key, line, part) in value.Members)
        {
            var field = $"attachments.{key}";
            if (!Keys.Contains(key)) compiler.Error(line, field, new($"unknown key '{key}'", $" (known: {string.Join(", ", Keys)})"));
            else if (part.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(part.Text)) compiler.Error(part.Line, field, part.Kind == JsonValueKind.String ? $"'{key}' must not be empty" : $"'{key}' must be a string, not {part.KindName}");
            else if (!parts.TryAdd(key, part)) compiler.Error(line, field, $"'{key}' is given twice");
        }
        if (!parts.ContainsKey("url"))
        {
            compiler.Error(value.Line, "attachments.url", "missing 'url': the expression giving each file's path or URL");
            return null;
        }

        var each = parts.TryGetValue("each", out var eachValue) ? compiler.ParsePath(eachValue.Text!, eachValue.Line, "attachments.each") : null;
        var url = Part(parts, "url", compiler);
        var name = Part(parts, "name", compiler);
        var sha256 = Part(parts, "sha256", compiler);
        var size = Part(parts, "size", compiler);
        var mediaType = Part(parts, "mediaType", compiler);
        // A part that failed to compile has left a diagnostic, so the mapping as a whole is rejected.
        return url is null ? null : new AttachmentMapper(each, url, name, sha256, size, mediaType);
    }

    private static CompiledExpression? Part(Dictionary<string, MappingJsonValue> parts, string key, MappingCompiler compiler) =>
        parts.TryGetValue(key, out var part)
            ? compiler.CompileExpression(part.Text!, part.Line, $"attachments.{key}", $"attachments.{key}")
            : null;
}
