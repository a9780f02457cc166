using ArchiveBridge.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace ArchiveBridge.Storage;

/// <summary>
/// The archive store's schema. EF Core owns it and its migrations (applied on start); table and column
/// names are snake_case so auditors can read the database with plain SQL tools.
/// </summary>
public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    public DbSet<RecordEntity> Records => Set<RecordEntity>();
    public DbSet<RecordVersionEntity> RecordVersions => Set<RecordVersionEntity>();
    public DbSet<AttachmentEntity> Attachments => Set<AttachmentEntity>();
    public DbSet<BlobEntity> Blobs => Set<BlobEntity>();
    public DbSet<RunEntity> Runs => Set<RunEntity>();
    public DbSet<QuarantineEntity> Quarantine => Set<QuarantineEntity>();
    public DbSet<CheckpointEntity> Checkpoints => Set<CheckpointEntity>();
    public DbSet<AuditEntryEntity> AuditLog => Set<AuditEntryEntity>();
    public DbSet<CodeSequenceEntity> CodeSequences => Set<CodeSequenceEntity>();
    public DbSet<LeaseEntity> Leases => Set<LeaseEntity>();
    public DbSet<DeferredIndexEntity> DeferredIndexes => Set<DeferredIndexEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RecordEntity>(e =>
        {
            e.ToTable("records");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ConnectorId, x.SourceKey }).IsUnique();
            // 件号 are handed out once each by code_sequences under the write lock, and a 档号 is its partition plus
            // its 件号, so this unique index also guards (partition_key, item_no): no second index on every insert.
            e.HasIndex(x => x.ArchivalCode).IsUnique();
            e.HasIndex(x => x.FingerprintKey);
            // Only records that carry a token (REST, database sources): a CSV archive keeps no index of nulls.
            e.HasIndex(x => x.ChangeTokenKey).HasFilter("change_token_key IS NOT NULL");
        });
        modelBuilder.Entity<RecordVersionEntity>(e =>
        {
            e.ToTable("record_versions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.RecordId, x.Version }).IsUnique();
            e.HasIndex(x => x.SupersededByRunId);
        });
        modelBuilder.Entity<AttachmentEntity>(e =>
        {
            e.ToTable("attachments");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.RecordId, x.Version, x.Ordinal }).IsUnique();
            e.HasIndex(x => x.Sha256);
        });
        modelBuilder.Entity<BlobEntity>(e =>
        {
            e.ToTable("blobs");
            e.HasKey(x => x.Sha256);
        });
        modelBuilder.Entity<RunEntity>(e =>
        {
            e.ToTable("runs");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ConnectorId, x.StartedAt });
            e.HasIndex(x => x.StartedAt);
        });
        modelBuilder.Entity<QuarantineEntity>(e =>
        {
            e.ToTable("quarantine");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.ConnectorId, x.RawHash }).IsUnique().HasFilter("status = 'open'");
            e.HasIndex(x => new { x.Status, x.ConnectorId, x.Reason });
            e.HasIndex(x => x.LastRunId);
        });
        modelBuilder.Entity<CheckpointEntity>(e =>
        {
            e.ToTable("checkpoints");
            e.HasKey(x => x.ConnectorId);
        });
        modelBuilder.Entity<AuditEntryEntity>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedNever();
        });
        modelBuilder.Entity<CodeSequenceEntity>(e =>
        {
            e.ToTable("code_sequences");
            e.HasKey(x => x.PartitionKey);
        });
        modelBuilder.Entity<LeaseEntity>(e =>
        {
            e.ToTable("leases");
            e.HasKey(x => x.Name);
        });
        modelBuilder.Entity<DeferredIndexEntity>(e =>
        {
            e.ToTable("deferred_indexes");
            e.HasKey(x => x.Name);
        });
        // snake_case columns: FirstRunId -> first_run_id.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    internal static string SnakeCase(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && !char.IsDigit(name[i - 1])) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
