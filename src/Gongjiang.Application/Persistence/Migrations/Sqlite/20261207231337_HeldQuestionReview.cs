using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HeldQuestionReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "LiveRoomQuestions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByUserId",
                table: "LiveRoomQuestions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "LiveRoomQuestions");

            migrationBuilder.DropColumn(
                name: "ReviewedByUserId",
                table: "LiveRoomQuestions");
        }
    }
}
