using System.Diagnostics;
using System.Text;
using ArchiveBridge.Host.Tests.Cli;

namespace ArchiveBridge.Host.Tests.Serve;

/// <summary>
/// The real <c>archivebridge serve</c> executable in a child process on 127.0.0.1:0. The address is read from
/// its "listening on" line (Kestrel picked the port, so no other process can take it in between). Killed with
/// SIGKILL, never asked to stop: what a power cut or an OOM kill leaves behind is what the crash test is about.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private const string ListeningPrefix = "archivebridge serve listening on ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"serve exited before listening:\n{Output}"));
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public Uri BaseAddress => _listening.Task.Result;

    /// <summary>Everything the child wrote so far (stdout and stderr interleaved), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts <c>serve --config <paramref name="config"/> --urls http://127.0.0.1:0</c> and waits until /health/live answers.</summary>
    public static async Task<ServeProcess> StartAsync(string config, IDictionary<string, string?> environment)
    {
        var serve = new ServeProcess(CliProcess.Start(environment, "serve", "--config", config, "--urls", "http://127.0.0.1:0"));
        try
        {
            var address = await serve._listening.Task.WaitAsync(StartTimeout);
            using var client = new HttpClient { BaseAddress = address, Timeout = StartTimeout };
            var live = await client.GetAsync("/health/live");
            Assert.True(live.IsSuccessStatusCode, $"/health/live answered {(int)live.StatusCode}\n{serve.Output}");
            return serve;
        }
        catch
        {
            serve.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no lease release; returns once the process is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (at < 0) return;
        // "listening on http://127.0.0.1:41234 (Ctrl-C to stop)"
        var address = line[(at + ListeningPrefix.Length)..].Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)[0];
        _listening.TrySetResult(new Uri(address));
    }
}
