using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArchiveBridge.Storage.Migrations
{
    /// <summary>
    /// Nothing looks records up by the run that first archived them (reports go by run counts and audit
    /// entries), and the index cost every insert a B-tree write.
    /// </summary>
    public partial class DropFirstRunIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_records_first_run_id",
                table: "records");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_records_first_run_id",
                table: "records",
                column: "first_run_id");
        }
    }
}
