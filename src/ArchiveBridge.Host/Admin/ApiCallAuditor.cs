using System.Text.Encodings.Web;
using System.Text.Json;
using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Host.Admin;

/// <summary>
/// Writes one <c>api.call</c> entry to the audit chain for each API call made with a token, after the response
/// has been sent: the caller does not wait for it, and a failure to write it is logged, never turned into an error
/// for a request that already succeeded. Actor is the role, subject the method and path, details the status and query.
/// </summary>
public sealed class ApiCallAuditor
{
    public const string Action = "api.call";

    // The query stays readable in the log (&, +, 中文 not escaped); it is stored as data, never rendered as HTML unencoded.
    private static readonly JsonSerializerOptions DetailsJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArchiveStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<ApiCallAuditor> _logger;

    public ApiCallAuditor(ArchiveStore store, TimeProvider time, ILogger<ApiCallAuditor> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>Raised after each audited call, written or not (tests wait on it instead of polling the log).</summary>
    public event Action<ApiCallAudit>? Audited;

    /// <summary>Audits the call once its response is complete, with the final status code.</summary>
    public void AuditWhenCompleted(HttpContext context, ApiRole role)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = role == ApiRole.Admin ? "admin" : "auditor";
        var subject = $"{context.Request.Method} {context.Request.PathBase}{context.Request.Path}";
        var query = context.Request.QueryString.Value ?? "";
        context.Response.OnCompleted(() => AppendAsync(actor, subject, context.Response.StatusCode, query));
    }

    private async Task AppendAsync(string actor, string subject, int status, string query)
    {
        var audit = new ApiCallAudit(actor, subject, status, Written: false);
        try
        {
            var details = JsonSerializer.Serialize(new { status, query }, DetailsJson);
            await _store.AppendAuditAsync(StoreTime.ToText(_time.GetUtcNow()), actor, Action, subject, details, CancellationToken.None).ConfigureAwait(false);
            audit = audit with { Written = true };
        }
#pragma warning disable CA1031 // the response is already sent: nothing may escape into the server's pipeline
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AdminLog.ApiCallNotAudited(_logger, ex, actor, subject, status);
        }
        Audited?.Invoke(audit);
    }
}

/// <summary>One audited API call as <see cref="ApiCallAuditor.Audited"/> reports it.</summary>
public sealed record ApiCallAudit(string Actor, string Subject, int Status, bool Written);
