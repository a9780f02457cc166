namespace ArchiveBridge.Core.Attachments;

/// <summary>Media type from a file name, for display; the 可用性 check identifies formats from bytes.</summary>
public static class MediaTypes
{
    public static string FromFileName(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".ofd" => "application/ofd",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".tif" or ".tiff" => "image/tiff",
        ".txt" => "text/plain",
        ".xml" => "application/xml",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
