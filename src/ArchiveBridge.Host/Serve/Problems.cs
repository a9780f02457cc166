using Microsoft.AspNetCore.Http;

namespace ArchiveBridge.Host.Serve;

/// <summary>Every error <c>serve</c> answers is application/problem+json (RFC 9457) with a title and a detail that names the cause.</summary>
internal static class Problems
{
    public static IResult Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static IResult NotFound(string title, string detail) => Create(StatusCodes.Status404NotFound, title, detail);
}
