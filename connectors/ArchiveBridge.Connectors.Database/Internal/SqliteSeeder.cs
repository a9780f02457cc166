using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ArchiveBridge.Connectors.Database.Internal;

/// <summary>
/// Demo aid (<c>seedScript</c>): creates the SQLite 中间库 from an SQL file when the database file does not exist,
/// so the samples run on a fresh clone without a committed .db. Builds a temporary file and renames it, so a
/// crash mid-seed never leaves a half-filled database behind; never touches an existing file.
/// </summary>
internal static class SqliteSeeder
{
    public static async Task EnsureCreatedAsync(DatabaseSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        if (settings.SeedScript is null || settings.SqliteFile is null || File.Exists(settings.SqliteFile)) return;
        var script = await File.ReadAllTextAsync(settings.SeedScript, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.SqliteFile)!);
        var temporary = $"{settings.SqliteFile}.seeding-{Guid.NewGuid():N}";
        try
        {
            var connectionString = new SqliteConnectionStringBuilder(settings.ConnectionString)
            {
                DataSource = temporary,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString();
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = connection.CreateCommand();
                command.CommandText = script;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            File.Move(temporary, settings.SqliteFile, overwrite: false);
            Log.Seeded(logger, settings.ConnectorId, settings.SqliteFile, settings.SeedScript);
        }
        catch (IOException) when (File.Exists(settings.SqliteFile))
        {
            // Another run created it first; theirs is as good as ours.
        }
        catch (SqliteException ex)
        {
            throw settings.Error("seedScript", $"seedScript '{settings.SeedScript}' failed: {ex.Message}");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
