using ArchiveBridge.Connectors.Csv.Internal;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Connectors.Csv.Tests;

public class LineIndexingStreamTests
{
    [Theory]
    [InlineData("a\r\nb\rc\nd\r\r\ne")]
    [InlineData("\r\n\r\n\r\r\n\n")]
    [InlineData("no line break at all")]
    [InlineData("ends with cr\r")]
    public async Task Read_AnyChunkSizeSyncOrAsync_FindsEveryLineStartAsCsvHelperCountsLines(string text)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("lines.txt");
        File.WriteAllText(path, text);
        var expected = LineStarts(text);

        foreach (var (chunk, async) in new[] { 1, 2, 3, 5, 64 }.SelectMany(c => new[] { (c, false), (c, true) }))
        {
            using var file = File.OpenHandle(path, options: async ? FileOptions.Asynchronous : FileOptions.None);
            using var stream = new LineIndexingStream(file, 0, text.Length);
            var buffer = new byte[chunk];
            var read = 0;
            for (int n; (n = async ? await stream.ReadAsync(buffer) : stream.Read(buffer)) > 0;) read += n;

            Assert.Equal(text.Length, read);
            for (var line = 1; line <= expected.Count; line++)
            {
                Assert.True(stream.TryGetLineStart(line, out var offset), $"chunk {chunk}: line {line} missing");
                Assert.Equal(expected[line - 1], offset);
            }
            Assert.False(stream.TryGetLineStart(expected.Count + 1, out _));
        }
    }

    [Fact]
    public void ForgetBefore_DropsOlderLinesAndKeepsLaterOnes()
    {
        using var dir = new TempDirectory();
        var text = string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i}\n"));
        File.WriteAllText(dir.Combine("lines.txt"), text);
        using var file = File.OpenHandle(dir.Combine("lines.txt"));
        using var stream = new LineIndexingStream(file, 0, text.Length);
        var buffer = new byte[100];

        while (stream.Read(buffer) > 0) stream.ForgetBefore(stream.Position > 500 ? 100 : 1);

        Assert.False(stream.TryGetLineStart(99, out _));
        Assert.True(stream.TryGetLineStart(100, out var offset));
        Assert.Equal(text.IndexOf("\n99\n", StringComparison.Ordinal) + 1, offset); // line 100 reads "99"
        Assert.True(stream.TryGetLineStart(1000, out _));
    }

    /// <summary>The reference: CR, LF and CR LF each end a line.</summary>
    private static List<long> LineStarts(string text)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\r' or '\n') starts.Add(i + 1);
        }
        return starts;
    }
}
