using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Mapping.Loading;

namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>What a function needs while compiling one step: its arguments, the target, and where to report errors.</summary>
internal sealed class StepCompilation
{
    private readonly Action<int, ErrorText> _report;

    public StepCompilation(StepSyntax step, IReadOnlyList<StepSyntax> following, string target, string sourceText,
        IReadOnlyDictionary<string, LookupTable> lookups, Action<int, ErrorText> report)
    {
        Step = step;
        Following = following;
        Target = target;
        SourceText = sourceText;
        Lookups = lookups;
        _report = report;
    }

    public StepSyntax Step { get; }

    /// <summary>The steps after this one (a lookup followed by <c>default</c> does not fail on a miss).</summary>
    public IReadOnlyList<StepSyntax> Following { get; }

    /// <summary>The target a problem is reported on: <c>date</c>, <c>key</c>, <c>attachments</c> …</summary>
    public string Target { get; }

    /// <summary>The expression's source as written, for messages.</summary>
    public string SourceText { get; }

    public IReadOnlyDictionary<string, LookupTable> Lookups { get; }

    public int Count => Step.Arguments.Count;

    public ArgumentSyntax Argument(int index) => Step.Arguments[index];

    public string Text(int index) => Step.Arguments[index].Text;

    public int Integer(int index) => Step.Arguments[index].IntegerValue;

    public bool IsFollowedBy(string function) => Following.Any(s => s.Name == function);

    /// <summary>Reports an error at an argument; returns null so a compile method can <c>return Error(…)</c>.</summary>
    public ValueStep? Error(int argument, ErrorText message)
    {
        _report(Step.Arguments[argument].Position, message);
        return null;
    }
}
