using System.Text;
using ArchiveBridge.Host.Cli;

// Chinese output on any terminal, and GB18030 among the encodings connectors may read.
Console.OutputEncoding = Encoding.UTF8;
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

// Ctrl-C/SIGTERM cancel the verb's token; a run then commits its batch in flight, which takes longer than
// System.CommandLine's default 2 s grace (after which it would return and end the process mid-commit).
return await ArchiveBridgeCli.Build().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(90) });
