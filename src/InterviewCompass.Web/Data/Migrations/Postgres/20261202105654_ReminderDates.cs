using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewCompass.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReminderDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "RemindAt",
                table: "Owners",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReplyOverdueDays",
                table: "Owners",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Owners",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecideBy",
                table: "Applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpectReplyBy",
                table: "Applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Date",
                table: "ApplicationEvents",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RemindAt",
                table: "Owners");

            migrationBuilder.DropColumn(
                name: "ReplyOverdueDays",
                table: "Owners");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Owners");

            migrationBuilder.DropColumn(
                name: "DecideBy",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ExpectReplyBy",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Date",
                table: "ApplicationEvents");
        }
    }
}
