using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewCompass.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordsKeepNoWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite drops a column in place (3.35+); EF Core's DropColumn would rebuild the table outside a transaction.
            migrationBuilder.Sql("ALTER TABLE \"IdempotentRequests\" DROP COLUMN \"Body\";");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_RequestOwner",
                table: "IdempotentRequests",
                column: "RequestOwner");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_ResultOwner",
                table: "IdempotentRequests",
                column: "ResultOwner");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IdempotentRequests_RequestOwner",
                table: "IdempotentRequests");

            migrationBuilder.DropIndex(
                name: "IX_IdempotentRequests_ResultOwner",
                table: "IdempotentRequests");

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "IdempotentRequests",
                type: "TEXT",
                nullable: true);
        }
    }
}
