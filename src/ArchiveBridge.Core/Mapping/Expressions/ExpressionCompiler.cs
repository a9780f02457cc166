using ArchiveBridge.Core.Mapping.Functions;
using ArchiveBridge.Core.Mapping.Loading;

namespace ArchiveBridge.Core.Mapping.Expressions;

/// <summary>Reports a diagnostic at a 0-based column of the expression (null: the expression as a whole).</summary>
internal delegate void ExpressionErrorSink(int? position, ErrorText message);

/// <summary>
/// Turns expression text into a <see cref="CompiledExpression"/>: parse, check every function, its argument
/// count and kinds, then let each function build its delegate. All errors of one expression are reported,
/// not just the first, so <c>check</c> shows everything in one pass.
/// </summary>
internal static class ExpressionCompiler
{
    /// <param name="target">The target named in the problems this expression reports (<c>date</c>, <c>key</c> …).</param>
    /// <param name="isKey">A key template fails on an empty part instead of leaving a gap.</param>
    public static CompiledExpression? Compile(string text, string target, IReadOnlyDictionary<string, LookupTable> lookups,
        ExpressionErrorSink report, bool isKey = false)
    {
        var syntax = ExpressionParser.Parse(text, out var error);
        if (syntax is null)
        {
            report(error!.Position, error.Message);
            return null;
        }

        var source = CompileSource(syntax.Source, isKey ? target : null);
        var yieldsList = syntax.Source is FieldSyntax { HasWildcard: true };
        var steps = new List<ValueStep>(syntax.Steps.Count);
        var ok = true;
        for (var i = 0; i < syntax.Steps.Count; i++)
        {
            var step = syntax.Steps[i];
            if (!FunctionCatalog.Functions.TryGetValue(step.Name, out var function))
            {
                var suggestion = Suggest(step.Name);
                report(step.Position, new ErrorText($"unknown function '{step.Name}'",
                    suggestion is null ? $" (functions: {FunctionCatalog.Names})" : $" (did you mean '{suggestion}'?)"));
                ok = false;
                continue;
            }
            var count = step.Arguments.Count;
            if (count < function.RequiredCount || count > (function.MaxCount ?? int.MaxValue))
            {
                report(step.Position, new ErrorText($"{step.Name} takes {function.CountText}, not {count}", $": {function.Usage}"));
                ok = false;
                continue;
            }
            if (!CheckArgumentKinds(step, function, report))
            {
                ok = false;
                continue;
            }
            var following = syntax.Steps.Skip(i + 1).ToArray();
            var compiled = function.Compile(new StepCompilation(step, following, target, SourceText(syntax.Source), lookups, (p, m) => report(p, m)));
            if (compiled is null) ok = false;
            else steps.Add(compiled);
            yieldsList = function.Effect switch
            {
                ListEffect.MakesList => true,
                ListEffect.MakesScalar => false,
                _ => yieldsList,
            };
        }
        return ok ? new CompiledExpression(syntax, source, [.. steps], yieldsList) : null;
    }

    /// <summary>A constant expression (a literal <c>category</c> code).</summary>
    public static CompiledExpression Constant(string text)
    {
        var value = MappedValue.Of(text);
        return new CompiledExpression(new ExpressionSyntax(text, new LiteralSyntax(text, 0), []),
            (_, ref _) => value, [], yieldsList: false);
    }

    private static ValueSource CompileSource(SourceSyntax source, string? keyTarget)
    {
        switch (source)
        {
            case LiteralSyntax literal:
                var value = MappedValue.Of(literal.Text);
                return (_, ref _) => value;
            case TemplateSyntax template:
                return new TemplateReader(template, keyTarget).Read;
            default:
                var reader = new FieldReader((FieldSyntax)source);
                return (fields, ref _) => reader.Read(fields);
        }
    }

    private static bool CheckArgumentKinds(StepSyntax step, FunctionDefinition function, ExpressionErrorSink report)
    {
        var ok = true;
        for (var i = 0; i < step.Arguments.Count; i++)
        {
            var argument = step.Arguments[i];
            var expected = function.KindAt(i);
            var fits = (expected, argument.Kind) switch
            {
                (ParameterKind.Text, ArgumentKind.Text) => true,
                (ParameterKind.Integer, ArgumentKind.Integer) => true,
                (ParameterKind.Table, ArgumentKind.Name or ArgumentKind.Text) => true,
                (ParameterKind.Group, ArgumentKind.Integer or ArgumentKind.Text) => true,
                _ => false,
            };
            if (fits) continue;
            var wanted = expected switch
            {
                ParameterKind.Text => "a quoted text such as 'abc'",
                ParameterKind.Integer => "a whole number",
                ParameterKind.Table => "a lookup table name",
                _ => "a group number or a quoted group name",
            };
            report(argument.Position, new ErrorText($"argument {i + 1} of {step.Name} must be {wanted}, not {argument.Text}", $": {function.Usage}"));
            ok = false;
        }
        return ok;
    }

    /// <summary>The source as written, for messages: <c>文号</c>, <c>{员工编号}-{文号}</c>, <c>'公开'</c>.</summary>
    public static string SourceText(SourceSyntax source) => source switch
    {
        FieldSyntax field => field.Name,
        TemplateSyntax template => template.Text,
        LiteralSyntax literal => $"'{literal.Text}'",
        _ => "?",
    };

    private static string? Suggest(string name) =>
        FunctionCatalog.Functions.Keys
            .Select(k => (Name: k, Distance: EditDistance(name.ToLowerInvariant(), k)))
            .Where(c => c.Distance <= Math.Max(1, name.Length / 3))
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
