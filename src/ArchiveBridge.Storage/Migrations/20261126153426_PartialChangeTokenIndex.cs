using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArchiveBridge.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PartialChangeTokenIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_records_change_token_key",
                table: "records");

            migrationBuilder.CreateIndex(
                name: "IX_records_change_token_key",
                table: "records",
                column: "change_token_key",
                filter: "change_token_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_records_change_token_key",
                table: "records");

            migrationBuilder.CreateIndex(
                name: "IX_records_change_token_key",
                table: "records",
                column: "change_token_key");
        }
    }
}
