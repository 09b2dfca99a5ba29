using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveMicSlot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OnMicRoomId",
                table: "LiveRoomMicRequests",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomMicRequests_OnMicRoomId",
                table: "LiveRoomMicRequests",
                column: "OnMicRoomId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LiveRoomMicRequests_OnMicRoomId",
                table: "LiveRoomMicRequests");

            migrationBuilder.DropColumn(
                name: "OnMicRoomId",
                table: "LiveRoomMicRequests");
        }
    }
}
