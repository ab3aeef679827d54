using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewCompass.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReplyOverdueDays",
                table: "Owners",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Owners",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecideBy",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpectReplyBy",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Date",
                table: "ApplicationEvents",
                type: "TEXT",
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
