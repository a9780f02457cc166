using ArchiveBridge.Core.Checks;
using ArchiveBridge.TestUtils;

namespace ArchiveBridge.Core.Tests.Checks;

public sealed class PathRulesTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _root;

    public PathRulesTests()
    {
        _root = _dir.Combine("files");
        Directory.CreateDirectory(Path.Combine(_root, "2024"));
        File.WriteAllText(Path.Combine(_root, "2024", "通知.pdf"), "x");
        File.WriteAllText(_dir.Combine("secret.txt"), "outside");
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("2024/通知.pdf")]
    [InlineData("2024/../2024/通知.pdf")]
    [InlineData("2024/not-yet-there.pdf")]
    public void IsInsideRoot_RelativePathInside_True(string path)
    {
        Assert.True(PathRules.IsInsideRoot(_root, path, out var fullPath));
        Assert.StartsWith(_root + Path.DirectorySeparatorChar, fullPath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("2024/../../secret.txt")]
    [InlineData("")]
    [InlineData(".")]
    public void IsInsideRoot_PathEscapingOrEqualToRoot_False(string path)
    {
        Assert.False(PathRules.IsInsideRoot(_root, path, out _));
    }

    [Fact]
    public void IsInsideRoot_AbsolutePathElsewhere_False()
    {
        Assert.False(PathRules.IsInsideRoot(_root, _dir.Combine("secret.txt"), out var fullPath));
        Assert.Equal(_dir.Combine("secret.txt"), fullPath);
    }

    [Fact]
    public void IsInsideRoot_SiblingFolderSharingThePrefix_False()
    {
        Directory.CreateDirectory(_dir.Combine("files-old"));

        Assert.False(PathRules.IsInsideRoot(_root, "../files-old/a.pdf", out _));
    }

    [Fact]
    public void IsInsideRoot_SymlinkedFilePointingOutside_False()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "link.txt"), _dir.Combine("secret.txt"));

        Assert.False(PathRules.IsInsideRoot(_root, "link.txt", out var fullPath));
        Assert.Equal(_dir.Combine("secret.txt"), fullPath);
    }

    [Fact]
    public void IsInsideRoot_SymlinkedFolderPointingOutside_False()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), _dir.Path);

        Assert.False(PathRules.IsInsideRoot(_root, "escape/secret.txt", out _));
    }

    [Fact]
    public void IsInsideRoot_SymlinkInsideRoot_True()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "latest.pdf"), Path.Combine(_root, "2024", "通知.pdf"));

        Assert.True(PathRules.IsInsideRoot(_root, "latest.pdf", out var fullPath));
        Assert.Equal(Path.Combine(_root, "2024", "通知.pdf"), fullPath);
    }

    [Fact]
    public void IsInsideRoot_RootItselfThroughSymlink_ComparesRealPaths()
    {
        var alias = _dir.Combine("alias");
        Directory.CreateSymbolicLink(alias, _root);

        Assert.True(PathRules.IsInsideRoot(alias, "2024/通知.pdf", out _));
    }
}
