using System.Text;

namespace DemoOa;

/// <summary>Applies the fault <see cref="DemoFaults"/> picks to an API or file request.</summary>
internal sealed class DemoFaultMiddleware(RequestDelegate next, DemoFaults faults, DemoOaOptions options)
{
    public const string FaultItemKey = "demo-oa.fault";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/files"))
        {
            await next(context);
            return;
        }
        var fault = faults.Take(path, context.Request.Query["fault"]);
        if (fault is null)
        {
            await next(context);
            return;
        }
        context.Items[FaultItemKey] = fault.Value;
        switch (fault.Value)
        {
            case DemoFaultKind.ServerError:
                await Problem(context, StatusCodes.Status500InternalServerError, "injected server error");
                break;
            case DemoFaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problem(context, StatusCodes.Status429TooManyRequests, "too many requests");
                break;
            case DemoFaultKind.Slow:
                // The stall ends early when the client gives up, so a timed-out attempt frees the server too.
                try { await Task.Delay(options.SlowDelay, options.TimeProvider, context.RequestAborted); }
                catch (OperationCanceledException) { return; }
                await next(context);
                break;
            case DemoFaultKind.Truncated:
                await Truncated(context);
                break;
            case DemoFaultKind.Abort:
                context.Abort();
                break;
        }
    }

    private async Task Truncated(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try { await next(context); }
        finally { context.Response.Body = original; }
        var half = (int)(buffer.Length / 2);
        context.Response.ContentLength = half;
        await original.WriteAsync(buffer.GetBuffer().AsMemory(0, half), context.RequestAborted);
    }

    private static Task Problem(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync($$"""{"status":{{status}},"title":"{{title}}"}""", Encoding.UTF8);
    }
}
