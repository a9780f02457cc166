using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArchiveBridge.Connectors.Rest.Http;
using ArchiveBridge.Core.Quarantine;
using ArchiveBridge.Core.Sources;

namespace ArchiveBridge.Connectors.Rest.Reading;

/// <summary>
/// Turns list items into <see cref="SourceRecord"/>s: the detail call (a page's calls run concurrently, records keep
/// list order), detail fields merged over the list item's, key, change token, source URL and checkpoint position.
/// An item that cannot become a record (not an object, detail gone) still does, with a problem, so it reaches quarantine.
/// </summary>
internal sealed class RestRecordBuilder
{
    // Chinese stays readable in the raw JSON kept with quarantined records.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly RestApiClient _api;
    private readonly RestDetailOptions? _detail;
    private readonly PathTemplate? _template;
    private readonly FieldPath? _detailItem, _changeToken;

    public RestRecordBuilder(RestApiClient api, RestConnectorOptions options)
    {
        _api = api;
        _detail = options.Detail;
        _template = _detail is null ? null : new PathTemplate(_detail.Path);
        _detailItem = JsonNavigator.Parse(_detail?.Item);
        _changeToken = JsonNavigator.Parse(options.ChangeToken ?? options.Incremental?.Field);
    }

    public async Task<SourceRecord[]> BuildAsync(IReadOnlyList<RestItem> items, CancellationToken cancellationToken)
    {
        var records = new SourceRecord[items.Count];
        if (_detail is null)
        {
            for (var i = 0; i < items.Count; i++) records[i] = Build(items[i], items[i].Element, null);
            return records;
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _detail.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel,
            async (i, token) => records[i] = await WithDetailAsync(items[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return records;
    }

    private async Task<SourceRecord> WithDetailAsync(RestItem item, CancellationToken cancellationToken)
    {
        if (item.Element.ValueKind != JsonValueKind.Object) return Build(item, item.Element, null);
        var path = _template!.Fill(item.Element, escape: false, out var missing);
        if (path is null)
            return Problem(item, null, new RecordProblem(ReasonCodes.MissingField,
                $"detail.path '{_template.Text}' needs the item field '{missing}', which is empty") { Field = missing, MessageZh = $"缺少字段 {missing}" });

        var url = SourceUrl(item);
        var response = await _api.GetAsync(path.TrimStart('/'), new Dictionary<string, string>(), allowNotFound: true, cancellationToken).ConfigureAwait(false);
        if (response is null)
            return Problem(item, url, new RecordProblem(ReasonCodes.SourceError,
                $"GET {url} answered 404: the record was listed but its detail is gone") { MessageZh = "列表中有该记录，但详情接口返回 404" });
        if (JsonNavigator.Find(response.Document.RootElement, _detailItem) is not { ValueKind: JsonValueKind.Object } detail)
            return Problem(item, url, new RecordProblem(ReasonCodes.MalformedRow,
                $"detail.item '{_detail!.Item}' in the response of GET {url} is not a JSON object") { MessageZh = "详情响应不是 JSON 对象" });
        return Build(item, Merge(detail, item.Element), url);
    }

    private SourceRecord Build(RestItem item, JsonElement fields, string? sourceUrl)
    {
        if (fields.ValueKind != JsonValueKind.Object)
            return Problem(item, sourceUrl, new RecordProblem(ReasonCodes.MalformedRow,
                $"item {item.Ordinal} of GET {SafeUrl.Display(item.PageUrl)} is {fields.ValueKind}, not a JSON object") { MessageZh = "列表项不是 JSON 对象" });
        return new SourceRecord(new JsonSourceFields(fields))
        {
            SourceKey = item.Key,
            Position = item.Position?.Encode(),
            Location = SafeUrl.Display(item.PageUrl),
            LineNumber = item.Ordinal,
            ChangeToken = ChangeToken(fields),
            SourceUrl = sourceUrl ?? SourceUrl(item),
        };
    }

    private SourceRecord Problem(RestItem item, string? sourceUrl, RecordProblem problem)
    {
        // Fields must be an object: a scalar or array item is kept whole under "value".
        var fields = item.Element.ValueKind == JsonValueKind.Object ? item.Element : Wrap(item.Element);
        return new SourceRecord(new JsonSourceFields(fields))
        {
            SourceKey = item.Key,
            Position = item.Position?.Encode(),
            Location = SafeUrl.Display(item.PageUrl),
            LineNumber = item.Ordinal,
            SourceUrl = sourceUrl,
            Problem = problem,
            RawText = item.Element.GetRawText(),
        };
    }

    private string? SourceUrl(RestItem item) =>
        _template?.Fill(item.Element, escape: true, out _) is { } path ? $"{_api.BaseUrl.ToString().TrimEnd('/')}/{path.TrimStart('/')}" : null;

    private string ChangeToken(JsonElement fields) =>
        JsonNavigator.Text(fields, _changeToken) ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fields.GetRawText())));

    /// <summary>The detail's fields, then the list item's fields the detail lacks; the new document lives as long as the record.</summary>
    private static JsonElement Merge(JsonElement detail, JsonElement listed)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in detail.EnumerateObject())
            {
                property.WriteTo(writer);
                names.Add(property.Name);
            }
            foreach (var property in listed.EnumerateObject())
                if (!names.Contains(property.Name)) property.WriteTo(writer);
            writer.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
    }

    private static JsonElement Wrap(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            value.WriteTo(writer);
            writer.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
    }
}
