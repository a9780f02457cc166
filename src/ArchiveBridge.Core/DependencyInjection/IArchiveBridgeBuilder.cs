using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Core.DependencyInjection;

/// <summary>Returned by <c>AddArchiveBridge()</c>; connector packages extend it (<c>AddCsvConnector()</c>).</summary>
public interface IArchiveBridgeBuilder
{
    IServiceCollection Services { get; }
}

internal sealed class ArchiveBridgeBuilder(IServiceCollection services) : IArchiveBridgeBuilder
{
    public IServiceCollection Services { get; } = services;
}
