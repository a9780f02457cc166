using ArchiveBridge.Core.Mapping;
using static ArchiveBridge.Core.Tests.Mapping.MappingFixture;

namespace ArchiveBridge.Core.Tests.Mapping;

/// <summary>Static checks inside expressions: each names line 4 (where the field is written), the field and the column.</summary>
public class ExpressionDiagnosticTests
{
    private const string Lookups = """{ "orgs": { "人事处": "RSC" } }""";

    /// <summary>Checks a mapping whose only field, on line 4, is <paramref name="target"/>: <paramref name="expression"/>.</summary>
    private static MappingDiagnostic Only(string target, string expression)
    {
        var json = $$"""
            {
              "name": "t",
              "fields": {
                "{{target}}": {{Quote(expression)}}
              },
              "lookups": {{Lookups}}
            }
            """;
        return Assert.Single(Check(json));
    }

    private static void AssertDiagnostic(MappingDiagnostic diagnostic, string field, int position, string message)
    {
        Assert.Equal(FileName, diagnostic.File);
        Assert.Equal(4, diagnostic.Line);
        Assert.Equal(field, diagnostic.Field);
        Assert.Equal(position, diagnostic.Position);
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void UnknownFunction_IsReportedWithLineFieldAndPosition()
    {
        var diagnostic = Only("date", "成文日期 | dat('yyyy-MM-dd')");

        AssertDiagnostic(diagnostic, "fields.date", 7, "unknown function 'dat' at position 7 (did you mean 'date'?)");
        Assert.Equal("mappings/test.json:4: fields.date: unknown function 'dat' at position 7 (did you mean 'date'?)", diagnostic.ToString());
    }

    [Fact]
    public void UnknownFunction_FarFromAnyName_ListsTheFunctions() =>
        Assert.Contains("(functions: date, default, first, join, lookup, lower, number, regex, replace, required, split, substr, trim, upper, year)",
            Only("title", "题名 | shout").Message);

    [Theory]
    [InlineData("文号 | trim('x')", 5, "trim takes no arguments, not 1 at position 5: trim")]
    [InlineData("文号 | substr()", 5, "substr takes 1 to 2 arguments, not 0 at position 5: substr(start, length)")]
    [InlineData("文号 | default", 5, "default takes exactly 1 argument, not 0 at position 5: default('value')")]
    [InlineData("文号 | split", 5, "split takes at least 1 argument, not 0 at position 5: split(';', …)")]
    public void WrongArgumentCount_IsReportedAtTheFunction(string expression, int position, string message) =>
        AssertDiagnostic(Only("docNumber", expression), "fields.docNumber", position, message);

    [Theory]
    [InlineData("文号 | substr('a')", 12, "argument 1 of substr must be a whole number, not a at position 12: substr(start, length)")]
    [InlineData("文号 | default(公开)", 13, "argument 1 of default must be a quoted text such as 'abc', not 公开 at position 13: default('value')")]
    public void WrongArgumentKind_IsReportedAtTheArgument(string expression, int position, string message) =>
        AssertDiagnostic(Only("docNumber", expression), "fields.docNumber", position, message);

    [Fact]
    public void UnknownLookupTable_IsReportedAtTheArgument() =>
        AssertDiagnostic(Only("org", "部门 | lookup(orgz)"), "fields.org", 12, "unknown lookup table 'orgz' at position 12 (known: orgs)");

    [Theory]
    [InlineData("{员工编号-{文号}", 0, "unclosed '{' in template at position 0")]
    [InlineData("{员工编号}-{文号", 7, "unclosed '{' in template at position 7")]
    [InlineData("{}-{文号}", 0, "empty '{}' in template: name a field inside the braces at position 0")]
    [InlineData("HR-{ }", 3, "empty '{}' in template: name a field inside the braces at position 3")]
    [InlineData("HR}-{文号}", 2, "unmatched '}' in template (write '}}' for a literal brace) at position 2")]
    public void BadTemplate_IsReportedAtTheBrace(string expression, int position, string message) =>
        AssertDiagnostic(Only("extra.code", expression), "fields.extra.code", position, message);

    [Fact]
    public void BadRegex_IsReportedAtThePattern()
    {
        var diagnostic = Only("pages", "页数 | regex('(\\d+')");

        Assert.Equal(11, diagnostic.Position);
        Assert.StartsWith("bad regex at position 11: ", diagnostic.Message);
    }

    [Fact]
    public void RegexGroupThatDoesNotExist_IsReportedAtTheGroup() =>
        AssertDiagnostic(Only("pages", "页数 | regex('(\\d+)', 2)"), "fields.pages", 20, "regex has no group 2 at position 20 (it has 1)");

    [Theory]
    [InlineData("d | date('yyyy-MM-dd', 'yy/M/d')", 23, "bad date format 'yy/M/d' at position 23: two-digit year 'yy' is ambiguous: use 'yyyy'")]
    [InlineData("d | date('yyyy-MM')", 9, "bad date format 'yyyy-MM' at position 9: a date format needs a year (yyyy), a month (M or MM) and a day (d or dd)")]
    [InlineData("d | date('yyyy-MMM-dd')", 9, "bad date format 'yyyy-MMM-dd' at position 9: month names ('MMM') are not supported: use 'M' or 'MM'")]
    [InlineData("d | date('yyyy-MM-dd hh:mm')", 9, "bad date format 'yyyy-MM-dd hh:mm' at position 9: 12-hour 'h' is not supported: use 'H' or 'HH'")]
    [InlineData("d | date('yyyy-MM-dd-dd')", 9, "bad date format 'yyyy-MM-dd-dd' at position 9: 'dd' appears twice")]
    [InlineData("d | date('yyyy-MM-dd Q')", 9, "bad date format 'yyyy-MM-dd Q' at position 9: unknown pattern 'Q' (use yyyy, M, MM, d, dd, H, HH, m, mm, s, ss, f)")]
    public void BadDateFormat_IsReportedAtTheFormat(string expression, int position, string message) =>
        AssertDiagnostic(Only("date", expression), "fields.date", position, message);

    [Theory]
    [InlineData("'公开", 0, "unclosed quote (write '' for a quote inside a literal) at position 0")]
    [InlineData("文号 | date('yyyy-MM-dd'", 9, "unclosed '(' after date at position 9")]
    [InlineData("文号 |", 4, "expected a function name after '|' at position 4")]
    [InlineData("文号 | trim upper", 10, "expected '|' before 'upper' at position 10")]
    [InlineData("files[x].url", 0, "bad index '[x]' in path 'files[x].url' (use [*] or a number) at position 0")]
    [InlineData("", 0, "empty expression at position 0")]
    public void SyntaxError_IsReportedWhereItIs(string expression, int position, string message) =>
        AssertDiagnostic(Only("title", expression), "fields.title", position, message);

    [Fact]
    public void ListIntoScalarTarget_IsReported()
    {
        var diagnostic = Only("responsible", "approvals[*].by");

        Assert.Null(diagnostic.Position);
        Assert.Equal("'responsible' takes one value but the expression yields a list: end it with | join(';') or | first", diagnostic.Message);
    }

    [Fact]
    public void SeveralMistakes_InOneExpression_AreAllReported()
    {
        var json = """
            { "name": "t",
              "fields": { "date": "d | dat | date('yy') | lookup(nope)" } }
            """;

        var diagnostics = Check(json);

        Assert.Equal([4, 15, 30], diagnostics.Select(d => d.Position!.Value));
        Assert.All(diagnostics, d => Assert.Equal(2, d.Line));
    }
}
