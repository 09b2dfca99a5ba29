using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveRoomAudience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiveRoomApplications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomApplications_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomPushes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    InvitationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MonthlyPay = table.Column<int>(type: "INTEGER", nullable: true),
                    PayReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomPushes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomPushes_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomSubscriptions_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomApplications_ApplicationId",
                table: "LiveRoomApplications",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomApplications_RoomId_At",
                table: "LiveRoomApplications",
                columns: new[] { "RoomId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomPushes_RoomId_UserId_At",
                table: "LiveRoomPushes",
                columns: new[] { "RoomId", "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomSubscriptions_RemindedAt_RoomId",
                table: "LiveRoomSubscriptions",
                columns: new[] { "RemindedAt", "RoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomSubscriptions_RoomId_UserId",
                table: "LiveRoomSubscriptions",
                columns: new[] { "RoomId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveRoomApplications");

            migrationBuilder.DropTable(
                name: "LiveRoomPushes");

            migrationBuilder.DropTable(
                name: "LiveRoomSubscriptions");
        }
    }
}
