using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArchiveBridge.Storage.Migrations
{
    /// <inheritdoc />
    public partial class IntegerIndexKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_records_connector_id_change_token",
                table: "records");

            migrationBuilder.DropIndex(
                name: "IX_records_fingerprint",
                table: "records");

            migrationBuilder.AddColumn<long>(
                name: "change_token_key",
                table: "records",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "fingerprint_key",
                table: "records",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_records_change_token_key",
                table: "records",
                column: "change_token_key");

            migrationBuilder.CreateIndex(
                name: "IX_records_fingerprint_key",
                table: "records",
                column: "fingerprint_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_records_change_token_key",
                table: "records");

            migrationBuilder.DropIndex(
                name: "IX_records_fingerprint_key",
                table: "records");

            migrationBuilder.DropColumn(
                name: "change_token_key",
                table: "records");

            migrationBuilder.DropColumn(
                name: "fingerprint_key",
                table: "records");

            migrationBuilder.CreateIndex(
                name: "IX_records_connector_id_change_token",
                table: "records",
                columns: new[] { "connector_id", "change_token" });

            migrationBuilder.CreateIndex(
                name: "IX_records_fingerprint",
                table: "records",
                column: "fingerprint");
        }
    }
}
