using System.Globalization;
using ArchiveBridge.Core;
using ArchiveBridge.Core.Configuration;
using Microsoft.Extensions.Configuration;
using static ArchiveBridge.Connectors.Csv.CsvConnectorConstants;

namespace ArchiveBridge.Connectors.Csv.Internal;

/// <summary>
/// Reads a connector's <c>settings</c> block into <see cref="CsvConnectorOptions"/> by hand rather than with the
/// configuration binder, so that every bad value becomes a message naming <c>connectors[i].settings.x</c> and the value.
/// </summary>
internal static class CsvSettingsBinder
{
    public static CsvConnectorOptions Bind(ConnectorDefinition definition, List<ConfigurationException> errors)
    {
        var settings = definition.Settings;
        var options = new CsvConnectorOptions { BaseDirectory = definition.BaseDirectory };
        void Fail(string setting, string message) =>
            errors.Add(new ConfigurationException(message, definition.ConfigFile, definition.FieldPath(setting)));

        foreach (var child in settings.GetChildren())
        {
            if (!Settings.All.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                Fail(child.Key, $"unknown setting '{child.Key}'; the CSV connector knows {string.Join(", ", Settings.All)}");
            else if (child.Value is null && child.GetChildren().Any())
                Fail(child.Key, "must be a single value, not an object or a list");
        }

        options.Path = settings[Settings.Path]?.Trim() ?? string.Empty;
        options.AttachmentsRoot = NullIfEmpty(settings[Settings.AttachmentsRoot]);

        if (NullIfEmpty(settings[Settings.Encoding]) is { } encoding)
        {
            if (TryParseEncoding(encoding, out var parsed)) options.Encoding = parsed;
            else Fail(Settings.Encoding, $"'{encoding}' is not a supported encoding: use utf-8, utf-8-bom, gb18030 or auto");
        }
        if (settings[Settings.Delimiter] is { Length: > 0 } delimiter)
        {
            if (TryParseChar(delimiter, out var c)) options.Delimiter = c;
            else Fail(Settings.Delimiter, $"'{delimiter}' is not one character: use one ASCII character such as ',' ';' '|' or 'tab'");
        }
        if (settings[Settings.Quote] is { Length: > 0 } quote)
        {
            if (TryParseChar(quote, out var c)) options.Quote = c;
            else Fail(Settings.Quote, $"'{quote}' is not one character: use one ASCII character such as '\"' or '''");
        }
        if (NullIfEmpty(settings[Settings.HasHeader]) is { } hasHeader)
        {
            if (bool.TryParse(hasHeader, out var b)) options.HasHeader = b;
            else Fail(Settings.HasHeader, $"'{hasHeader}' is not true or false");
        }
        if (NullIfEmpty(settings[Settings.AllowLineBreaksInQuotes]) is { } lineBreaks)
        {
            if (bool.TryParse(lineBreaks, out var b)) options.AllowLineBreaksInQuotes = b;
            else Fail(Settings.AllowLineBreaksInQuotes, $"'{lineBreaks}' is not true or false");
        }
        if (NullIfEmpty(settings[Settings.MaxAttachmentBytes]) is { } max)
        {
            if (long.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes)) options.MaxAttachmentBytes = bytes;
            else Fail(Settings.MaxAttachmentBytes, $"'{max}' is not a whole number of bytes (e.g. 104857600 for 100 MiB)");
        }

        foreach (var (setting, message) in CsvConnectorOptionsValidator.Check(options))
        {
            // A value that did not parse was already reported with the text the admin wrote.
            if (!errors.Exists(e => e.Field == definition.FieldPath(setting))) Fail(setting, message);
        }
        return options;
    }

    internal static bool TryParseEncoding(string text, out CsvEncoding encoding)
    {
        encoding = text.Trim().ToLowerInvariant() switch
        {
            "auto" => CsvEncoding.Auto,
            "utf-8" or "utf8" => CsvEncoding.Utf8,
            "utf-8-bom" or "utf8-bom" or "utf-8-sig" => CsvEncoding.Utf8Bom,
            // GBK and GB2312 are subsets of GB18030: decoding them as GB18030 is exact.
            "gb18030" or "gbk" or "gb2312" => CsvEncoding.Gb18030,
            _ => (CsvEncoding)(-1),
        };
        return Enum.IsDefined(encoding);
    }

    private static bool TryParseChar(string text, out char c)
    {
        if (text.Length == 1) c = text[0];
        else if (text.Equals("tab", StringComparison.OrdinalIgnoreCase) || text == "\\t") c = '\t';
        else
        {
            c = default;
            return false;
        }
        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
