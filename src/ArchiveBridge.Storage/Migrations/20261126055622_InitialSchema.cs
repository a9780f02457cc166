using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArchiveBridge.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    record_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    media_type = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<string>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", nullable: false),
                    details = table.Column<string>(type: "TEXT", nullable: false),
                    prev_hash = table.Column<string>(type: "TEXT", nullable: false),
                    hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "blobs",
                columns: table => new
                {
                    sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blobs", x => x.sha256);
                });

            migrationBuilder.CreateTable(
                name: "checkpoints",
                columns: table => new
                {
                    connector_id = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<string>(type: "TEXT", nullable: true),
                    run_id = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkpoints", x => x.connector_id);
                });

            migrationBuilder.CreateTable(
                name: "code_sequences",
                columns: table => new
                {
                    partition_key = table.Column<string>(type: "TEXT", nullable: false),
                    last_item_no = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_code_sequences", x => x.partition_key);
                });

            migrationBuilder.CreateTable(
                name: "leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    holder = table.Column<string>(type: "TEXT", nullable: false),
                    expires_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "quarantine",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    connector_id = table.Column<string>(type: "TEXT", nullable: false),
                    run_id = table.Column<string>(type: "TEXT", nullable: false),
                    last_run_id = table.Column<string>(type: "TEXT", nullable: false),
                    source_key = table.Column<string>(type: "TEXT", nullable: true),
                    location = table.Column<string>(type: "TEXT", nullable: true),
                    line_number = table.Column<long>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    field = table.Column<string>(type: "TEXT", nullable: true),
                    value = table.Column<string>(type: "TEXT", nullable: true),
                    message = table.Column<string>(type: "TEXT", nullable: false),
                    message_zh = table.Column<string>(type: "TEXT", nullable: true),
                    raw_payload = table.Column<string>(type: "TEXT", nullable: false),
                    raw_text = table.Column<string>(type: "TEXT", nullable: true),
                    raw_hash = table.Column<string>(type: "TEXT", nullable: false),
                    source_url = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    resolved_record_id = table.Column<string>(type: "TEXT", nullable: true),
                    dismiss_reason = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantine", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "record_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    record_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: false),
                    run_id = table.Column<string>(type: "TEXT", nullable: false),
                    archived_at = table.Column<string>(type: "TEXT", nullable: false),
                    superseded_by_run_id = table.Column<string>(type: "TEXT", nullable: false),
                    superseded_at = table.Column<string>(type: "TEXT", nullable: false),
                    changed_fields = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "records",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    connector_id = table.Column<string>(type: "TEXT", nullable: false),
                    source_key = table.Column<string>(type: "TEXT", nullable: false),
                    archival_code = table.Column<string>(type: "TEXT", nullable: true),
                    partition_key = table.Column<string>(type: "TEXT", nullable: true),
                    item_no = table.Column<int>(type: "INTEGER", nullable: true),
                    fonds = table.Column<string>(type: "TEXT", nullable: true),
                    category = table.Column<string>(type: "TEXT", nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    retention = table.Column<string>(type: "TEXT", nullable: true),
                    org = table.Column<string>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", nullable: true),
                    doc_number = table.Column<string>(type: "TEXT", nullable: true),
                    date = table.Column<string>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", nullable: false),
                    change_token = table.Column<string>(type: "TEXT", nullable: true),
                    metadata = table.Column<string>(type: "TEXT", nullable: false),
                    duplicate_of = table.Column<string>(type: "TEXT", nullable: true),
                    first_run_id = table.Column<string>(type: "TEXT", nullable: false),
                    content_run_id = table.Column<string>(type: "TEXT", nullable: false),
                    last_run_id = table.Column<string>(type: "TEXT", nullable: false),
                    last_outcome = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    connector_id = table.Column<string>(type: "TEXT", nullable: false),
                    trigger = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    started_at = table.Column<string>(type: "TEXT", nullable: false),
                    finished_at = table.Column<string>(type: "TEXT", nullable: true),
                    read = table.Column<long>(type: "INTEGER", nullable: false),
                    created = table.Column<long>(type: "INTEGER", nullable: false),
                    versioned = table.Column<long>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<long>(type: "INTEGER", nullable: false),
                    duplicates = table.Column<long>(type: "INTEGER", nullable: false),
                    quarantined = table.Column<long>(type: "INTEGER", nullable: false),
                    failed = table.Column<long>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "TEXT", nullable: true),
                    mapping_hash = table.Column<string>(type: "TEXT", nullable: true),
                    checkpoint_at_start = table.Column<string>(type: "TEXT", nullable: true),
                    checkpoint_at_end = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_inbox",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", nullable: true),
                    connector_id = table.Column<string>(type: "TEXT", nullable: false),
                    webhook_id = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<string>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<string>(type: "TEXT", nullable: true),
                    processed_at = table.Column<string>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_inbox", x => x.seq);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attachments_record_id_version_ordinal",
                table: "attachments",
                columns: new[] { "record_id", "version", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_attachments_sha256",
                table: "attachments",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_connector_id_raw_hash",
                table: "quarantine",
                columns: new[] { "connector_id", "raw_hash" },
                unique: true,
                filter: "status = 'open'");

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_last_run_id",
                table: "quarantine",
                column: "last_run_id");

            migrationBuilder.CreateIndex(
                name: "IX_quarantine_status_connector_id_reason",
                table: "quarantine",
                columns: new[] { "status", "connector_id", "reason" });

            migrationBuilder.CreateIndex(
                name: "IX_record_versions_record_id_version",
                table: "record_versions",
                columns: new[] { "record_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_record_versions_superseded_by_run_id",
                table: "record_versions",
                column: "superseded_by_run_id");

            migrationBuilder.CreateIndex(
                name: "IX_records_archival_code",
                table: "records",
                column: "archival_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_records_connector_id_change_token",
                table: "records",
                columns: new[] { "connector_id", "change_token" });

            migrationBuilder.CreateIndex(
                name: "IX_records_connector_id_source_key",
                table: "records",
                columns: new[] { "connector_id", "source_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_records_fingerprint",
                table: "records",
                column: "fingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_records_first_run_id",
                table: "records",
                column: "first_run_id");

            migrationBuilder.CreateIndex(
                name: "IX_records_partition_key_item_no",
                table: "records",
                columns: new[] { "partition_key", "item_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_runs_connector_id_started_at",
                table: "runs",
                columns: new[] { "connector_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_started_at",
                table: "runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_inbox_connector_id_webhook_id",
                table: "webhook_inbox",
                columns: new[] { "connector_id", "webhook_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_inbox_id",
                table: "webhook_inbox",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_inbox_status_connector_id_seq",
                table: "webhook_inbox",
                columns: new[] { "status", "connector_id", "seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "blobs");

            migrationBuilder.DropTable(
                name: "checkpoints");

            migrationBuilder.DropTable(
                name: "code_sequences");

            migrationBuilder.DropTable(
                name: "leases");

            migrationBuilder.DropTable(
                name: "quarantine");

            migrationBuilder.DropTable(
                name: "record_versions");

            migrationBuilder.DropTable(
                name: "records");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "webhook_inbox");
        }
    }
}
