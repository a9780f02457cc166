using ArchiveBridge.Host.Composition;
using ArchiveBridge.Storage;
using ArchiveBridge.Storage.Inbox;
using ArchiveBridge.TestUtils;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ArchiveBridge.Host.Tests.Support;

/// <summary>A migrated SQLite store in a temp folder, on a fake clock, without the web app.</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();

    private TestStore()
    {
        Store = new ArchiveStore($"Data Source={_temp.Combine("archive.db")};Default Timeout=120", Core.ArchivalCodes.ArchivalCodeTemplate.Parse(Core.Configuration.ArchiveOptions.DefaultArchivalCodeTemplate), Time);
        Inbox = new InboxDatabase(_temp.Combine("inbox.db"));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));
    public ArchiveStore Store { get; }

    /// <summary>The webhook inbox file beside the archive.</summary>
    public InboxDatabase Inbox { get; }

    public static async Task<TestStore> CreateAsync()
    {
        var store = new TestStore();
        await store.Store.InitializeAsync(CancellationToken.None);
        await store.Inbox.InitializeAsync(CancellationToken.None);
        return store;
    }

    public async Task<List<string?[]>> RowsAsync(string sql)
    {
        await using var connection = await Store.OpenAsync(CancellationToken.None);
        return await SqlRows.ReadAsync(connection, sql);
    }

    /// <summary>Rows of a query on the inbox file.</summary>
    public async Task<List<string?[]>> InboxRowsAsync(string sql)
    {
        await using var connection = await Inbox.OpenAsync(CancellationToken.None);
        return await SqlRows.ReadAsync(connection, sql);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
