using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RankingModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RankingModels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrainedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Adopted = table.Column<bool>(type: "boolean", nullable: false),
                    NdcgLearned = table.Column<double>(type: "double precision", nullable: false),
                    NdcgHand = table.Column<double>(type: "double precision", nullable: false),
                    Groups = table.Column<int>(type: "integer", nullable: false),
                    Pairs = table.Column<int>(type: "integer", nullable: false),
                    TrainGroups = table.Column<int>(type: "integer", nullable: false),
                    ValidationGroups = table.Column<int>(type: "integer", nullable: false),
                    Report = table.Column<string>(type: "text", nullable: false),
                    Model = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankingModels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RankingModels_TrainedAt",
                table: "RankingModels",
                column: "TrainedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RankingModels");
        }
    }
}
