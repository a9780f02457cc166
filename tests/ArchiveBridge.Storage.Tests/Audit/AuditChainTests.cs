using System.Text;
using ArchiveBridge.Storage.Audit;

namespace ArchiveBridge.Storage.Tests.Audit;

/// <summary>A batch's entry is hashed from its UTF-8 bytes, the verifier hashes the stored text: both must agree.</summary>
public class AuditChainTests
{
    [Theory]
    [InlineData("""{"connector":"hr","created":["01J:ab12"],"unchanged":0}""")]
    [InlineData("""{"title":"关于印发《档案管理办法》的通知","q":"say \"hi\"","path":"C:\\a\\b"}""")]
    [InlineData("tab\there, newline\nthere, bell\u0007, <script>&amp;</script>")]
    [InlineData("emoji 😀 and 𠀀 (a CJK extension B character)")]
    [InlineData("")]
    // Only quotes and bytes JSON keeps (a batch's entry): the UTF-8 path escapes these by hand.
    [InlineData("""{"connector":"bench","checkpoint":"line 51","created":["01M8E1CX8B25ZEEZ0DME8YE3MQ:bcca5683","01M8E1CX8B:ff"],"versioned":[],"duplicates":["01M8:ab>01M7"],"quarantined":[],"unchanged":0}""")]
    [InlineData("\"\"\"")]
    [InlineData("\"a\"")]
    [InlineData(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~")]
    [InlineData("+<>&'`")]
    public void ComputeHash_FromUtf8_IsTheSameAsFromText(string details)
    {
        var fromText = AuditChain.ComputeHash(AuditChain.Genesis, 7, "2026-11-26T00:00:00.000Z", "pipeline", "batch.committed", "run:r1", details);
        var fromUtf8 = AuditChain.ComputeHash(AuditChain.Genesis, 7, "2026-11-26T00:00:00.000Z", "pipeline", "batch.committed", "run:r1", Encoding.UTF8.GetBytes(details));

        Assert.Equal(fromText, fromUtf8);
    }

    [Fact]
    public void ComputeHash_EachPrintableAsciiCharacterBesideQuotes_FromUtf8IsTheSameAsFromText()
    {
        Assert.True(AuditChain.EscapesQuotesByHand); // else the loop below would not test the hand-made escaping
        for (var c = ' '; c <= '~'; c++)
        {
            var details = $"\"{c}\"{c}{c}\"";
            var fromText = AuditChain.ComputeHash(AuditChain.Genesis, 1, "t", "a", "x", "s", details);
            var fromUtf8 = AuditChain.ComputeHash(AuditChain.Genesis, 1, "t", "a", "x", "s", Encoding.UTF8.GetBytes(details));
            Assert.True(fromText == fromUtf8, $"character {(int)c:x2} '{c}'");
        }
    }

    [Fact]
    public void ComputeHash_AnotherDetail_AnotherHash()
    {
        var a = AuditChain.ComputeHash(AuditChain.Genesis, 1, "t", "a", "x", "s", "details");
        var b = AuditChain.ComputeHash(AuditChain.Genesis, 1, "t", "a", "x", "s", "detail5");

        Assert.NotEqual(a, b);
        Assert.Equal(a, AuditChain.ComputeHash(AuditChain.Genesis, 1, "t", "a", "x", "s", "details"));
    }
}
