using System.Text;
using ArchiveBridge.Host.Cli;

// Chinese output on any terminal, and GB18030 among the encodings connectors may read.
Console.OutputEncoding = Encoding.UTF8;
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

return await ArchiveBridgeCli.Build().Parse(args).InvokeAsync();
