using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ShortageCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastActiveAt",
                table: "Talent",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegisteredAt",
                table: "Talent",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "Employees",
                table: "Employers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DemandSurveys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandSurveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmployerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Cluster = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Size = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_DemandSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "DemandSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyNeeds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmployerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccupationCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: true),
                    Headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyNeeds_DemandSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "DemandSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyStrata",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Cluster = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Size = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    Sampled = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyStrata", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyStrata_DemandSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "DemandSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DemandSurveys_Period",
                table: "DemandSurveys",
                column: "Period");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_EmployerId",
                table: "SurveyInvitations",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_SurveyId_EmployerId",
                table: "SurveyInvitations",
                columns: new[] { "SurveyId", "EmployerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyNeeds_SurveyId_EmployerId",
                table: "SurveyNeeds",
                columns: new[] { "SurveyId", "EmployerId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyStrata_SurveyId_Cluster_Size",
                table: "SurveyStrata",
                columns: new[] { "SurveyId", "Cluster", "Size" },
                unique: true);

            // Seekers on record before registration days were kept: registered when created, last active when last updated (China days).
            migrationBuilder.Sql("""
                UPDATE "Talent" SET "RegisteredAt" = date("CreatedAt", '+8 hours'), "LastActiveAt" = max(date("CreatedAt", '+8 hours'), date("UpdatedAt", '+8 hours'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropTable(
                name: "SurveyNeeds");

            migrationBuilder.DropTable(
                name: "SurveyStrata");

            migrationBuilder.DropTable(
                name: "DemandSurveys");

            migrationBuilder.DropColumn(
                name: "LastActiveAt",
                table: "Talent");

            migrationBuilder.DropColumn(
                name: "RegisteredAt",
                table: "Talent");

            migrationBuilder.DropColumn(
                name: "Employees",
                table: "Employers");
        }
    }
}
