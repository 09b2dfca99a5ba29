using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByUserId",
                table: "LiveRoomQuestions",
                type: "character varying(450)",
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
