using System.Text;
using ArchiveBridge.Core.Fingerprints;

namespace ArchiveBridge.Core.Tests.Fingerprints;

/// <summary>The NFC shortcut must never change a fingerprint: whatever it accepts, ICU must call NFC too.</summary>
public sealed class FingerprintNormalizationTests
{
    private static IEnumerable<char> Accepted()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (!char.IsSurrogate(ch) && RecordFingerprint.IsPlainlyNfc(ch.ToString())) yield return ch;
        }
    }

    [Fact]
    public void IsPlainlyNfc_EveryAcceptedCharacter_IsNfcByIcu()
    {
        var wrong = Accepted().Where(c => !c.ToString().IsNormalized(NormalizationForm.FormC)).Select(c => $"U+{(int)c:X4}").ToList();

        Assert.Empty(wrong);
        Assert.True(Accepted().Count() > 20_000);
    }

    [Fact]
    public void IsPlainlyNfc_AcceptedCharactersSideBySide_StayNfcByIcu()
    {
        var sample = Accepted().Where((_, i) => i % 53 == 0).ToArray();
        var wrong = new List<string>();
        foreach (var a in sample)
            foreach (var b in sample.Where((_, i) => i % 7 == 0))
                if (!$"{a}{b}".IsNormalized(NormalizationForm.FormC)) wrong.Add($"U+{(int)a:X4} U+{(int)b:X4}");

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("e\u0301", "\u00E9")]            // combining accent composes
    [InlineData("\uF900", "\u8C48")]             // CJK compatibility ideograph maps to the unified one
    [InlineData("\u304B\u3099", "\u304C")]       // kana + voiced mark composes
    [InlineData("关于  张伟\t同志", "关于 张伟 同志")]
    public void Normalize_TextOutsideTheShortcut_IsStillNormalized(string input, string expected)
    {
        Assert.Equal(expected, RecordFingerprint.Normalize(input));
    }

    [Fact]
    public void IsPlainlyNfc_ChineseArchiveText_TakesTheShortcut()
    {
        Assert.True(RecordFingerprint.IsPlainlyNfc("关于调整余德明同志岗位工资的通知（人薪〔2018〕1号）：ABC-001"));
        Assert.False(RecordFingerprint.IsPlainlyNfc("かが"));
    }
}
