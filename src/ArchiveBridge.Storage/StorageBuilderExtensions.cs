using ArchiveBridge.Core.Configuration;
using ArchiveBridge.Core.DependencyInjection;
using ArchiveBridge.Core.Storage;
using ArchiveBridge.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveBridge.Storage;

public static class StorageBuilderExtensions
{
    /// <summary>The embedded store: SQLite (WAL) for rows, a content-addressed folder for blobs.</summary>
    public static IArchiveBridgeBuilder AddSqliteStore(this IArchiveBridgeBuilder builder, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.AddSingleton(sp => new ArchiveStore(options.ConnectionString, sp.GetRequiredService<IArchivalCodeScheme>(), sp.GetRequiredService<TimeProvider>())
        {
            WriterCacheMiB = options.WriterCacheMiB,
            InitialLoadAfter = options.InitialLoadAfter,
        });
        builder.Services.AddSingleton<IArchiveStore>(sp => sp.GetRequiredService<ArchiveStore>());
        builder.Services.AddSingleton<IBlobStore>(_ => new FileBlobStore(options.Blobs));
        builder.Services.AddSingleton<Queries.ArchiveQueries>();
        builder.Services.AddSingleton<Queries.RecordQueries>();
        builder.Services.AddSingleton<Quarantine.QuarantineStore>();
        return builder;
    }
}
