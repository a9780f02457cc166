using ArchiveBridge.Core.Mapping.Expressions;

namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>What an argument must look like.</summary>
internal enum ParameterKind
{
    /// <summary>A quoted text.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A lookup table name, bare or quoted.</summary>
    Table,

    /// <summary>A regex group: a number or a quoted group name.</summary>
    Group,
}

/// <summary>How a step changes the shape of the value, for the static "list into a scalar target" check.</summary>
internal enum ListEffect
{
    Keeps,
    MakesList,
    MakesScalar,
}

/// <summary>
/// One function of the mapping language: its signature (checked before compiling) and how it compiles a
/// step to a delegate. <see cref="Compile"/> reports its own argument errors and returns null on error.
/// </summary>
internal sealed record FunctionDefinition(
    string Name,
    string Usage,
    ParameterKind[] Parameters,
    int RequiredCount,
    bool Variadic,
    ListEffect Effect,
    Func<StepCompilation, ValueStep?> Compile)
{
    public int? MaxCount => Variadic ? null : Parameters.Length;

    public ParameterKind KindAt(int index) => Parameters[Math.Min(index, Parameters.Length - 1)];

    /// <summary>"exactly 1 argument", "1 to 2 arguments", "at least 1 argument", "no arguments".</summary>
    public string CountText => (RequiredCount, MaxCount) switch
    {
        (0, 0) => "no arguments",
        (var min, null) => $"at least {min} argument{(min == 1 ? "" : "s")}",
        (var min, var max) when min == max => $"exactly {min} argument{(min == 1 ? "" : "s")}",
        (var min, var max) => $"{min} to {max} arguments",
    };
}
