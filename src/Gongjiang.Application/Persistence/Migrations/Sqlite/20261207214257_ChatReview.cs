using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Released",
                table: "HeldChatMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "HeldChatMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByUserId",
                table: "HeldChatMessages",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HandledAt",
                table: "ChatReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandledByUserId",
                table: "ChatReports",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlingNote",
                table: "ChatReports",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_HeldChatMessages_ReviewedAt_At",
                table: "HeldChatMessages",
                columns: new[] { "ReviewedAt", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HeldChatMessages_ReviewedAt_At",
                table: "HeldChatMessages");

            migrationBuilder.DropColumn(
                name: "Released",
                table: "HeldChatMessages");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "HeldChatMessages");

            migrationBuilder.DropColumn(
                name: "ReviewedByUserId",
                table: "HeldChatMessages");

            migrationBuilder.DropColumn(
                name: "HandledAt",
                table: "ChatReports");

            migrationBuilder.DropColumn(
                name: "HandledByUserId",
                table: "ChatReports");

            migrationBuilder.DropColumn(
                name: "HandlingNote",
                table: "ChatReports");
        }
    }
}
