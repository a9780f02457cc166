namespace DemoOa;

/// <summary>One OA document (公文) as the demo stores it; <see cref="UpdatedAt"/> drives incremental sync.</summary>
public sealed record DemoDocument(
    string Id,
    string Title,
    string DocNumber,
    string DocType,
    string IssuedAt,
    string Department,
    string Author,
    string Security,
    string Retention,
    IReadOnlyList<string> Keywords,
    int Pages,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<DemoAttachment> Attachments);

/// <summary>
/// A file of a document. <see cref="Url"/> is either relative to the server root or a path the detail endpoint
/// turns absolute; the digest and size are those of the bytes <c>GET /files/{name}</c> serves.
/// </summary>
public sealed record DemoAttachment(string Name, string Url, string Sha256, long Size, string MediaType, bool Absolute = false);
