using ArchiveBridge.Core.Checks;

namespace ArchiveBridge.Core.Tests.Checks;

public class FileNameRulesTests
{
    [Theory]
    [InlineData("关于印发《档案管理办法》的通知.pdf")]
    [InlineData("report 2024 (final).docx")]
    [InlineData("CONFIG.pdf")]        // only the exact device names are reserved
    [InlineData(".hidden")]
    [InlineData("办〔2024〕3号.ofd")]
    public void IsSafe_OrdinaryName_True(string name)
    {
        Assert.True(FileNameRules.IsSafe(name, out var reason), reason);
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("a\u0001b.pdf", "control character U+0001 at position 2")]
    [InlineData("line\nbreak.txt", "control character U+000A at position 5")]
    [InlineData("del\u007F.txt", "control character U+007F at position 4")]
    [InlineData("a<b.pdf", "reserved character '<' at position 2")]
    [InlineData("a>b.pdf", "reserved character '>' at position 2")]
    [InlineData("C:evil.pdf", "reserved character ':' at position 2")]
    [InlineData("say\"hi\".pdf", "reserved character '\"' at position 4")]
    [InlineData("../etc/passwd", "reserved character '/' at position 3")]
    [InlineData("dir\\file.pdf", "reserved character '\\' at position 4")]
    [InlineData("a|b.pdf", "reserved character '|' at position 2")]
    [InlineData("what?.pdf", "reserved character '?' at position 5")]
    [InlineData("*.pdf", "reserved character '*' at position 1")]
    [InlineData("CON", "'CON' is a reserved device name on Windows")]
    [InlineData("nul.txt", "'nul' is a reserved device name on Windows")]
    [InlineData("com1.tar.gz", "'com1' is a reserved device name on Windows")]
    [InlineData("LPT9.pdf", "'LPT9' is a reserved device name on Windows")]
    [InlineData("report.pdf.", "ends with '.', which Windows drops")]
    [InlineData("report.pdf ", "ends with ' ', which Windows drops")]
    [InlineData("", "the name is empty")]
    [InlineData("   ", "the name is empty")]
    [InlineData("..", "'..' names a folder, not a file")]
    public void IsSafe_UnsafeName_FalseWithReason(string name, string expected)
    {
        Assert.False(FileNameRules.IsSafe(name, out var reason));
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void IsSafe_EightySixCjkCharacters_TooLongInUtf8()
    {
        var name = new string('档', 82) + ".pdf"; // 82 × 3 + 4 = 250 bytes: fits
        var longer = new string('档', 84) + ".pdf"; // 256 bytes: does not

        Assert.True(FileNameRules.IsSafe(name, out _));
        Assert.False(FileNameRules.IsSafe(longer, out var reason));
        Assert.Equal("256 bytes in UTF-8, more than 255", reason);
    }

    [Fact]
    public void IsSafe_UnpairedSurrogate_False()
    {
        // Built at run time: test-case serialization would turn a lone surrogate in an attribute into U+FFFD.
        var name = "bad" + (char)0xD800 + ".pdf";

        Assert.False(FileNameRules.IsSafe(name, out var reason));
        Assert.Equal("unpaired surrogate at position 4", reason);
    }

    [Fact]
    public void IsSafe_SupplementaryCharacter_Allowed()
    {
        Assert.True(FileNameRules.IsSafe("𠀀字.txt", out var reason), reason);
    }
}
