using System.Text.RegularExpressions;
using ArchiveBridge.Core.Mapping.Expressions;
using ArchiveBridge.Core.Quarantine;

namespace ArchiveBridge.Core.Mapping.Functions;

/// <summary>
/// regex('pattern', group?): the group of the first match, or empty when nothing matches. The group is a
/// number or a quoted name; without one it is group 1 when the pattern has groups, else the whole match.
/// </summary>
internal static class RegexFunction
{
    /// <summary>Keeps the language total: a pathological pattern fails one record instead of hanging the run.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(500);

    public static ValueStep? Compile(StepCompilation step)
    {
        Regex regex;
        try
        {
            // Built once per mapping; interpretation is fast enough for short field values and starts instantly.
            regex = new Regex(step.Text(0), RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            return step.Error(0, new("bad regex", $": {e.Message}"));
        }

        var numbers = regex.GetGroupNumbers();
        int group;
        if (step.Count < 2) group = numbers.Length > 1 ? 1 : 0;
        else if (step.Argument(1).Kind == ArgumentKind.Integer)
        {
            group = step.Integer(1);
            if (!numbers.Contains(group)) return step.Error(1, new($"regex has no group {group}", $" (it has {numbers.Length - 1})"));
        }
        else
        {
            group = regex.GroupNumberFromName(step.Text(1));
            if (group < 0) return step.Error(1, $"regex has no group named '{step.Text(1)}'");
        }

        var target = step.Target;
        var pattern = step.Text(0);
        return PerItem.Step((string text, ref RecordProblem? problem) =>
        {
            try
            {
                if (group == 0)
                {
                    // The whole match needs no Match object: enumerate value matches and cut the first.
                    foreach (var match in regex.EnumerateMatches(text))
                        return match.Length == text.Length ? text : text.Substring(match.Index, match.Length);
                    return null;
                }
                var found = regex.Match(text);
                return found.Success && found.Groups[group].Success ? found.Groups[group].Value : null;
            }
            catch (RegexMatchTimeoutException)
            {
                problem = MappingProblems.RegexTimeout(target, text, pattern);
                return null;
            }
        });
    }
}
