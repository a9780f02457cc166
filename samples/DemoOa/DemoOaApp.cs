using System.Text.Encodings.Web;

namespace DemoOa;

/// <summary>Builds the demo OA web application; <c>Program.cs</c> runs it, tests host it on a loopback port.</summary>
public static class DemoOaApp
{
    public static WebApplication Build(string[] args, DemoOaOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(options);

        var builder = WebApplication.CreateBuilder(args);
        // --urls on the command line wins over the options.
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<DemoDocumentStore>();
        builder.Services.AddSingleton<DemoTokenIssuer>();
        builder.Services.AddSingleton<DemoFaults>();
        builder.Services.AddSingleton<DemoRequestJournal>();
        builder.Services.AddProblemDetails();
        // Chinese stays readable in the JSON (题名, not \u9898\u540D).
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        var app = builder.Build();
        app.UseMiddleware<DemoJournalMiddleware>();
        app.UseMiddleware<DemoFaultMiddleware>();
        app.UseMiddleware<DemoAuthMiddleware>();
        app.MapGet("/", (DemoDocumentStore store) => Results.Ok(new
        {
            name = "Demo OA (示范办公自动化系统)",
            documents = store.Count,
            endpoints = new[] { "GET /api/documents?page=&size=&updatedSince=", "GET /api/documents/{id}", "GET /files/{name}", "POST /oauth/token" },
        }));
        app.MapDocumentEndpoints();
        app.MapFileEndpoints();
        app.MapTokenEndpoint();
        return app;
    }
}
