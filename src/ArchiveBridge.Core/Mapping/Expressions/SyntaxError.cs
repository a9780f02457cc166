namespace ArchiveBridge.Core.Mapping.Expressions;

/// <summary>A syntax error at a 0-based column of the expression.</summary>
internal sealed record SyntaxError(int Position, string Message);

/// <summary>Unwinds the parser to the first syntax error; only ever thrown while a mapping compiles.</summary>
internal sealed class SyntaxErrorException(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
}
