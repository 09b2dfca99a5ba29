using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BackgroundImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportTasks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    OwnEmployerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    RowsTotal = table.Column<int>(type: "integer", nullable: false),
                    RowsDone = table.Column<int>(type: "integer", nullable: false),
                    Inserted = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Errors = table.Column<string>(type: "text", nullable: false),
                    Failure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportTaskFiles",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportTaskFiles", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_ImportTaskFiles_ImportTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "ImportTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportTasks_State_CreatedAt",
                table: "ImportTasks",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportTasks_UserId_CreatedAt",
                table: "ImportTasks",
                columns: new[] { "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportTaskFiles");

            migrationBuilder.DropTable(
                name: "ImportTasks");
        }
    }
}
