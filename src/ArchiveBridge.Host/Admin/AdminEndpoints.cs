using ArchiveBridge.Host.Cli;
using ArchiveBridge.Host.Configuration;
using ArchiveBridge.Host.Scheduling;
using ArchiveBridge.Host.Serve;
using ArchiveBridge.Host.Webhooks;
using ArchiveBridge.Storage.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Quartz;

namespace ArchiveBridge.Host.Admin;

/// <summary>
/// The API under <c>/api</c> (every endpoint needs a bearer token, see <see cref="ApiTokenFilter"/>): connectors with
/// their schedule and last run, starting a run now, the runs, reports, records and audit chain an auditor reads.
/// Endpoints marked <see cref="AuditorAccess.AllowAuditor"/> answer both roles; the others only the admin.
/// </summary>
public static class AdminEndpoints
{
    public const int DefaultRunLimit = 20;
    public const int MaxRunLimit = 500;

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api").WithTags("admin").AddEndpointFilter<ApiTokenFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/connectors", ListConnectorsAsync).WithName("ListConnectors").AllowAuditor()
            .WithSummary("Connectors with their schedule, next fire time and last run")
            .Produces<IReadOnlyList<ConnectorStatus>>();
        api.MapPost("/connectors/{id}/sync", SyncAsync).WithName("SyncConnector")
            .WithSummary("Start a run of the connector now, in the background")
            .Produces<SyncStarted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        api.MapGet("/runs", ListRunsAsync).WithName("ListRuns").AllowAuditor()
            .WithSummary($"Recent runs, newest first (limit {DefaultRunLimit} by default, at most {MaxRunLimit})")
            .Produces<IReadOnlyList<RunJson>>();
        api.MapGet("/runs/{id}", GetRunAsync).WithName("GetRun").AllowAuditor()
            .WithSummary("One run with counts that reconcile")
            .Produces<RunJson>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapReports();
        api.MapRecords();
        api.MapAudit();
        api.MapInboxAdmin();
        return api;
    }

    private static async Task<IResult> ListConnectorsAsync([FromServices] LoadedConfig config, [FromServices] ConnectorRunCoordinator coordinator,
        [FromServices] WebhookConnectors webhooks, [FromServices] ArchiveQueries queries, [FromServices] ISchedulerFactory schedulers,
        CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var list = new List<ConnectorStatus>(config.Connectors.Count);
        foreach (var c in config.Connectors)
        {
            DateTimeOffset? next = null;
            if (!string.IsNullOrWhiteSpace(c.Schedule))
                next = (await scheduler.GetTrigger(ConnectorSchedules.TriggerKey(c.Id), cancellationToken).ConfigureAwait(false))?.NextFireTimeUtc;
            var last = await queries.LastRunAsync(c.Id, cancellationToken).ConfigureAwait(false);
            list.Add(new ConnectorStatus(c.Id, c.Type, c.Schedule)
            {
                NextFireTime = next,
                RunningRunId = coordinator.RunningRunId(c.Id),
                Webhook = webhooks.TryGet(c.Id, out var hook)
                    ? new WebhookStatus(hook.Verify, hook.Mode.ToString().ToLowerInvariant(), $"/webhooks/{c.Id}")
                    : null,
                LastRun = last is null ? null : RunJson.From(last),
            });
        }
        return Results.Ok(list);
    }

    private static async Task<IResult> SyncAsync(string id, [FromServices] LoadedConfig config, [FromServices] ConnectorRunCoordinator coordinator,
        CancellationToken cancellationToken)
    {
        var definition = config.Connectors.FirstOrDefault(c => c.Id == id);
        if (definition is null) return Problems.NotFound("Unknown connector", $"no connector '{id}' is configured");
        if (string.Equals(definition.Type, "webhook", StringComparison.OrdinalIgnoreCase))
            return Problems.Create(StatusCodes.Status400BadRequest, "Connector only receives", $"connector '{id}' is of type webhook: it has nothing to pull");

        var start = await coordinator.StartAsync(id, "api", cancellationToken).ConfigureAwait(false);
        return start.Status switch
        {
            RunStartStatus.Started => Results.Json(new SyncStarted(start.RunId!), statusCode: StatusCodes.Status202Accepted),
            RunStartStatus.AlreadyRunning => Problems.Create(StatusCodes.Status409Conflict, "Connector already running",
                $"connector '{id}' is already running ({start.Message})"),
            _ => Problems.Create(StatusCodes.Status500InternalServerError, "Run could not start", start.Message ?? "unknown error"),
        };
    }

    private static async Task<IResult> ListRunsAsync([FromServices] ArchiveQueries queries, [FromQuery] string? connector, [FromQuery] int? limit,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxRunLimit)
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad limit", $"limit must be between 1 and {MaxRunLimit} (got {limit})");
        var runs = await queries.RunsAsync(string.IsNullOrEmpty(connector) ? null : connector, limit ?? DefaultRunLimit, cancellationToken).ConfigureAwait(false);
        return Results.Ok(runs.Select(RunJson.From).ToList());
    }

    private static async Task<IResult> GetRunAsync(string id, [FromServices] ArchiveQueries queries, CancellationToken cancellationToken)
    {
        var run = await queries.RunAsync(id, cancellationToken).ConfigureAwait(false);
        return run is null ? Problems.NotFound("Unknown run", $"no run '{id}'") : Results.Ok(RunJson.From(run));
    }
}

/// <summary>The 202 answer of a started run; follow it at <c>/api/runs/{runId}</c>.</summary>
public sealed record SyncStarted(string RunId);
