using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HeadhuntingAndCampus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CampusCampaigns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmployerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MajorCodes = table.Column<string>(type: "TEXT", nullable: false),
                    Schools = table.Column<string>(type: "TEXT", nullable: false),
                    GraduationYear = table.Column<int>(type: "INTEGER", nullable: false),
                    JobIds = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampusCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampusCampaigns_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "CampusCampaignRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampusCampaignRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampusCampaignRecipients_CampusCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "CampusCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampusCampaignRecipients_Talent_TalentId",
                        column: x => x.TalentId,
                        principalTable: "Talent",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampusTalks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    School = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampusTalks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampusTalks_CampusCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "CampusCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "CampusTalkSignups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TalkId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampusTalkSignups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampusTalkSignups_CampusTalks_TalkId",
                        column: x => x.TalkId,
                        principalTable: "CampusTalks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampusTalkSignups_Talent_TalentId",
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
                name: "IX_CampusCampaignRecipients_CampaignId_TalentId",
                table: "CampusCampaignRecipients",
                columns: new[] { "CampaignId", "TalentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampusCampaignRecipients_TalentId",
                table: "CampusCampaignRecipients",
                column: "TalentId");

            migrationBuilder.CreateIndex(
                name: "IX_CampusCampaigns_EmployerId",
                table: "CampusCampaigns",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_CampusTalks_CampaignId",
                table: "CampusTalks",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CampusTalks_StartsAt",
                table: "CampusTalks",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_CampusTalkSignups_TalentId",
                table: "CampusTalkSignups",
                column: "TalentId");

            migrationBuilder.CreateIndex(
                name: "IX_CampusTalkSignups_TalkId_TalentId",
                table: "CampusTalkSignups",
                columns: new[] { "TalkId", "TalentId" },
                unique: true);

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
                name: "CampusCampaignRecipients");

            migrationBuilder.DropTable(
                name: "CampusTalkSignups");

            migrationBuilder.DropTable(
                name: "ProjectCandidateStageChanges");

            migrationBuilder.DropTable(
                name: "CampusTalks");

            migrationBuilder.DropTable(
                name: "ProjectCandidates");

            migrationBuilder.DropTable(
                name: "CampusCampaigns");

            migrationBuilder.DropTable(
                name: "HeadhuntingProjects");
        }
    }
}
