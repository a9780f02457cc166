using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArchiveBridge.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DropArchiveInboxTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "webhook_inbox");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "webhook_inbox",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    connector_id = table.Column<string>(type: "TEXT", nullable: false),
                    error = table.Column<string>(type: "TEXT", nullable: true),
                    id = table.Column<string>(type: "TEXT", nullable: true),
                    next_attempt_at = table.Column<string>(type: "TEXT", nullable: true),
                    processed_at = table.Column<string>(type: "TEXT", nullable: true),
                    received_at = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    webhook_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_inbox", x => x.seq);
                });

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
    }
}
