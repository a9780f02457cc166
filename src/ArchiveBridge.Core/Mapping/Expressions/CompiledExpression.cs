using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Core.Mapping.Expressions;

/// <summary>Produces an expression's starting value from a record's fields.</summary>
internal delegate MappedValue ValueSource(SourceFields fields, ref RecordProblem? problem);

/// <summary>One compiled <c>| function(args)</c> step; sets <paramref name="problem"/> instead of throwing.</summary>
internal delegate MappedValue ValueStep(MappedValue input, ref RecordProblem? problem);

/// <summary>An expression compiled to delegates: evaluating it parses nothing and reflects on nothing.</summary>
internal sealed class CompiledExpression
{
    private readonly ValueSource _source;
    private readonly ValueStep[] _steps;

    public CompiledExpression(ExpressionSyntax syntax, ValueSource source, ValueStep[] steps, bool yieldsList)
    {
        Syntax = syntax;
        _source = source;
        _steps = steps;
        YieldsList = yieldsList;
    }

    public ExpressionSyntax Syntax { get; }

    /// <summary>True when the expression can produce several values (<c>[*]</c> or <c>split</c> without a later <c>join</c>).</summary>
    public bool YieldsList { get; }

    /// <summary>Evaluates against one record; on a problem returns empty with <paramref name="problem"/> set.</summary>
    public MappedValue Evaluate(SourceFields fields, ref RecordProblem? problem)
    {
        var value = _source(fields, ref problem);
        var steps = _steps;
        for (var i = 0; i < steps.Length && problem is null; i++)
            value = steps[i](value, ref problem);
        return problem is null ? value : MappedValue.Empty;
    }

    public override string ToString() => Syntax.Text;
}
