using System.Net.Http.Headers;

namespace ArchiveBridge.Connectors.Rest.Http;

/// <summary>Finds the <c>rel="next"</c> target in RFC 8288 <c>Link</c> headers: <c>&lt;url&gt;; rel="next", &lt;url&gt;; rel="last"</c>.</summary>
internal static class LinkHeader
{
    public static string? FindNext(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values)) return null;
        foreach (var value in values)
            foreach (var link in SplitLinks(value))
            {
                var close = link.IndexOf('>', StringComparison.Ordinal);
                if (!link.StartsWith('<') || close < 0) continue;
                foreach (var parameter in link[(close + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var pair = parameter.Split('=', 2, StringSplitOptions.TrimEntries);
                    if (pair is ["rel", var rel] && rel.Trim('"').Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase))
                        return link[1..close];
                }
            }
        return null;
    }

    // Commas separate links but may also sit inside a <url>; split only outside angle brackets.
    private static IEnumerable<string> SplitLinks(string value)
    {
        var start = 0;
        var inUrl = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '<') inUrl = true;
            else if (value[i] == '>') inUrl = false;
            else if (value[i] == ',' && !inUrl)
            {
                yield return value[start..i].Trim();
                start = i + 1;
            }
        }
        yield return value[start..].Trim();
    }
}
