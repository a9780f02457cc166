using System.Text.RegularExpressions;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>URLs as they may appear in logs and errors: no user info, and no values of parameters that look like secrets.</summary>
internal static partial class SafeUrl
{
    public static string Display(Uri? url)
    {
        if (url is null) return "(no URL)";
        if (!url.IsAbsoluteUri) return SecretParameter().Replace(url.OriginalString, "$1=***");
        var builder = new UriBuilder(url) { UserName = "", Password = "" };
        var text = builder.Uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
        return SecretParameter().Replace(text, "$1=***");
    }

    [GeneratedRegex(@"(?<=[?&])(access_?token|token|api_?key|key|secret|client_?secret|password|pwd|sig|signature)=[^&#]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();
}
