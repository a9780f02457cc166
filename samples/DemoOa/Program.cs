using DemoOa;

// Run with `dotnet run --project samples/DemoOa`; OA_TOKEN, OA_FAULTS, OA_FAULT_EVERY … tune it (see README.md).
var app = DemoOaApp.Build(args, DemoOaOptions.FromEnvironment());
app.Run();
