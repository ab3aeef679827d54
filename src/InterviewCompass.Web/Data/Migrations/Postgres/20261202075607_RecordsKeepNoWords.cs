using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewCompass.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RecordsKeepNoWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Body",
                table: "IdempotentRequests");

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
                type: "text",
                nullable: true);
        }
    }
}
