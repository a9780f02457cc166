namespace ArchiveBridge.Host.Checking;

/// <summary>One finding of <c>check</c>, printed as <c>file:line: field: message</c>.</summary>
public sealed record ConfigProblem(string File, int Line, string Field, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}
