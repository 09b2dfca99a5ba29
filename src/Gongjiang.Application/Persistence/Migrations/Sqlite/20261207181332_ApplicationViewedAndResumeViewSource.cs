using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApplicationViewedAndResumeViewSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "ResumeViews",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ViewedAt",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            // Views already in the log mark the applications they followed (ApplicationViewedBackfill).
            migrationBuilder.Sql(ApplicationViewedBackfill.FromViewLog);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Source",
                table: "ResumeViews");

            migrationBuilder.DropColumn(
                name: "ViewedAt",
                table: "Applications");
        }
    }
}
