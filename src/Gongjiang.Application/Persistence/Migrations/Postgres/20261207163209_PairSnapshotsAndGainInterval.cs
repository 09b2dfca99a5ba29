using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PairSnapshotsAndGainInterval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "GainHigh",
                table: "RankingModels",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "GainLow",
                table: "RankingModels",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "PairSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TalentId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ShownAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Features = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PairSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PairSnapshots_JobId_TalentId",
                table: "PairSnapshots",
                columns: new[] { "JobId", "TalentId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PairSnapshots");

            migrationBuilder.DropColumn(
                name: "GainHigh",
                table: "RankingModels");

            migrationBuilder.DropColumn(
                name: "GainLow",
                table: "RankingModels");
        }
    }
}
