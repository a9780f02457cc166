using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArchiveBridge.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DeferredIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "deferred_indexes",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    definition = table.Column<string>(type: "TEXT", nullable: false),
                    run_id = table.Column<string>(type: "TEXT", nullable: false),
                    connector_id = table.Column<string>(type: "TEXT", nullable: false),
                    deferred_at = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deferred_indexes", x => x.name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deferred_indexes");
        }
    }
}
