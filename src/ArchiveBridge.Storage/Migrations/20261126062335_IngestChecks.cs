using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArchiveBridge.Storage.Migrations
{
    /// <inheritdoc />
    public partial class IngestChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "checks",
                table: "records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "checks",
                table: "record_versions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "checks",
                table: "records");

            migrationBuilder.DropColumn(
                name: "checks",
                table: "record_versions");
        }
    }
}
