using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ArchiveBridge.Core.Checks;

/// <summary>
/// Whether a file name survives every file system an archive is exported to (Linux, Windows, removable media):
/// no control characters, none of <c>&lt;&gt;:"/\|?*</c>, not a reserved Windows device name, no trailing dot
/// or space, at most <see cref="MaxUtf8Bytes"/> bytes in UTF-8.
/// </summary>
public static class FileNameRules
{
    /// <summary>Linux file systems (ext4, XFS) limit a name to 255 bytes; 85 CJK characters already reach it.</summary>
    public const int MaxUtf8Bytes = 255;

    private static readonly SearchValues<char> ReservedChars = SearchValues.Create("<>:\"/\\|?*");

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>True when <paramref name="name"/> is safe; otherwise <paramref name="reason"/> says why, naming the character.</summary>
    public static bool IsSafe(string name, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(name);
        reason = FindProblem(name)?.English;
        return reason is null;
    }

    /// <summary>The first problem of <paramref name="name"/> in English and Chinese, or null when it is safe.</summary>
    internal static (string English, string Chinese)? FindProblem(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return ("the name is empty", "文件名为空");
        if (name is "." or "..")
            return ($"'{name}' names a folder, not a file", $"“{name}”表示目录而非文件");

        var i = 0;
        while (i < name.Length)
        {
            if (Rune.DecodeFromUtf16(name.AsSpan(i), out var rune, out var used) != OperationStatus.Done)
                return ($"unpaired surrogate at position {i + 1}", $"第 {i + 1} 个字符是不成对的代理项");
            if (Rune.IsControl(rune))
            {
                var code = $"U+{rune.Value:X4}";
                return ($"control character {code} at position {i + 1}", $"第 {i + 1} 个字符是控制字符 {code}");
            }
            if (ReservedChars.Contains(name[i]))
                return ($"reserved character '{name[i]}' at position {i + 1}", $"第 {i + 1} 个字符“{name[i]}”是保留字符");
            i += used;
        }

        if (name[^1] is '.' or ' ')
            return ($"ends with '{name[^1]}', which Windows drops", $"以“{name[^1]}”结尾，Windows 会将其去掉");

        var stem = name.Split('.')[0].TrimEnd(' ');
        if (ReservedNames.Contains(stem))
            return ($"'{stem}' is a reserved device name on Windows", $"“{stem}”是 Windows 保留的设备名");

        var bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > MaxUtf8Bytes)
        {
            var size = bytes.ToString(CultureInfo.InvariantCulture);
            return ($"{size} bytes in UTF-8, more than {MaxUtf8Bytes}", $"UTF-8 编码 {size} 字节，超过 {MaxUtf8Bytes} 字节");
        }
        return null;
    }
}
