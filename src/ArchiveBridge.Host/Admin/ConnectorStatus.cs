using ArchiveBridge.Host.Cli;

namespace ArchiveBridge.Host.Admin;

/// <summary>One connector as <c>GET /api/connectors</c> lists it.</summary>
internal sealed record ConnectorStatus(string Id, string Type, string? Schedule)
{
    /// <summary>When the scheduler fires it next (UTC); null without a schedule.</summary>
    public DateTimeOffset? NextFireTime { get; init; }

    /// <summary>The id of its run in progress in this process, if any.</summary>
    public string? RunningRunId { get; init; }

    public WebhookStatus? Webhook { get; init; }

    /// <summary>Its last finished run, as <c>report --json</c> prints it.</summary>
    public RunJson? LastRun { get; init; }
}

/// <summary>How a connector receives webhooks, and where.</summary>
internal sealed record WebhookStatus(string Verify, string Mode, string Path);
