using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Headhunting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HeadhuntingProjects",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgencyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClientEmployerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetHeadcount = table.Column<int>(type: "INTEGER", nullable: false),
                    OccupationCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MinGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PayMin = table.Column<int>(type: "INTEGER", nullable: false),
                    PayMax = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FeeTerms = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeadhuntingProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeadhuntingProjects_Employers_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HeadhuntingProjects_Employers_ClientEmployerId",
                        column: x => x.ClientEmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectCandidates",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DropReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectCandidates_HeadhuntingProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "HeadhuntingProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectCandidates_Talent_TalentId",
                        column: x => x.TalentId,
                        principalTable: "Talent",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectCandidateStageChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CandidateId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectCandidateStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectCandidateStageChanges_ProjectCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "ProjectCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HeadhuntingProjects_AgencyId",
                table: "HeadhuntingProjects",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_HeadhuntingProjects_ClientEmployerId",
                table: "HeadhuntingProjects",
                column: "ClientEmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectCandidates_ProjectId_TalentId",
                table: "ProjectCandidates",
                columns: new[] { "ProjectId", "TalentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectCandidates_TalentId",
                table: "ProjectCandidates",
                column: "TalentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectCandidateStageChanges_CandidateId_At",
                table: "ProjectCandidateStageChanges",
                columns: new[] { "CandidateId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProjectCandidateStageChanges");

            migrationBuilder.DropTable(
                name: "ProjectCandidates");

            migrationBuilder.DropTable(
                name: "HeadhuntingProjects");
        }
    }
}
