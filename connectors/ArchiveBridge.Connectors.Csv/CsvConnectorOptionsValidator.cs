using Microsoft.Extensions.Options;
using static ArchiveBridge.Connectors.Csv.CsvConnectorConstants;

namespace ArchiveBridge.Connectors.Csv;

/// <summary>
/// Checks the values of <see cref="CsvConnectorOptions"/> that typing alone cannot: a required path, usable
/// delimiter and quote characters, a positive size cap. Each message names the setting and its value.
/// </summary>
public sealed class CsvConnectorOptionsValidator : IValidateOptions<CsvConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, CsvConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options).Select(p => $"settings.{p.Setting}: {p.Message}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Each problem as the setting key at fault and a message for an IT admin.</summary>
    internal static IEnumerable<(string Setting, string Message)> Check(CsvConnectorOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
            yield return (Settings.Path, "is required: the CSV file to read, relative to the config file (e.g. \"hr/hr_export.csv\")");

        if (CharProblem(options.Delimiter) is { } delimiterProblem)
            yield return (Settings.Delimiter, delimiterProblem);
        else if (options.Delimiter == options.Quote)
            yield return (Settings.Delimiter, $"{Show(options.Delimiter)} is also the quote character; delimiter and quote must differ");

        if (CharProblem(options.Quote) is { } quoteProblem)
            yield return (Settings.Quote, quoteProblem);

        if (options.MaxAttachmentBytes <= 0)
            yield return (Settings.MaxAttachmentBytes, $"must be a number of bytes greater than 0, not {options.MaxAttachmentBytes}");

        if (!Enum.IsDefined(options.Encoding))
            yield return (Settings.Encoding, $"'{options.Encoding}' is not a supported encoding: use utf-8, utf-8-bom, gb18030 or auto");
    }

    // CsvHelper scans bytes with SIMD and needs single-byte (ASCII) delimiter and quote characters.
    private static string? CharProblem(char c) => c switch
    {
        '\r' or '\n' => $"{Show(c)} is a line break and cannot separate or quote fields",
        > '\u007f' => $"{Show(c)} is not an ASCII character; use one such as ',' ';' '|' or 'tab'",
        < ' ' and not '\t' => $"{Show(c)} is a control character; use one such as ',' ';' '|' or 'tab'",
        _ => null,
    };

    internal static string Show(char c) => c switch
    {
        '\t' => "'tab'",
        '\r' => "'\\r'",
        '\n' => "'\\n'",
        _ when char.IsControl(c) => $"U+{(int)c:X4}",
        _ => $"'{c}'",
    };
}
