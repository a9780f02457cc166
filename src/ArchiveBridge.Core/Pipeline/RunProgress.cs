namespace ArchiveBridge.Core.Pipeline;

/// <summary>Reported after each committed batch (drives the CLI's live progress line).</summary>
public readonly record struct RunProgress(string Connector, long Read, TimeSpan Elapsed);
