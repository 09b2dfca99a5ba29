using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResumeSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentGrants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TalentId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EmployerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Kinds = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RequestId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentGrants_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsentGrants_Talent_TalentId",
                        column: x => x.TalentId,
                        principalTable: "Talent",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactRequests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TalentId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EmployerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Kinds = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GrantId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactRequests_Employers_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Employers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactRequests_Talent_TalentId",
                        column: x => x.TalentId,
                        principalTable: "Talent",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResumeViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TalentId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ViewerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ViewerEmployerId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Shown = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResumeViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResumeViews_Talent_TalentId",
                        column: x => x.TalentId,
                        principalTable: "Talent",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TalentSearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TalentId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Headline = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    SourceUpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalentSearchDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalentSearchDocuments_Talent_TalentId",
                        column: x => x.TalentId,
                        principalTable: "Talent",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentGrants_EmployerId",
                table: "ConsentGrants",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentGrants_TalentId_EmployerId_RevokedAt",
                table: "ConsentGrants",
                columns: new[] { "TalentId", "EmployerId", "RevokedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactRequests_EmployerId_TalentId",
                table: "ContactRequests",
                columns: new[] { "EmployerId", "TalentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactRequests_TalentId_Status",
                table: "ContactRequests",
                columns: new[] { "TalentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResumeViews_TalentId_At",
                table: "ResumeViews",
                columns: new[] { "TalentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TalentSearchDocuments_TalentId",
                table: "TalentSearchDocuments",
                column: "TalentId",
                unique: true);
            // Trigram search (also serves LIKE '%…%' for terms of three or more characters).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_TalentSearchDocuments_Text_trgm\" ON \"TalentSearchDocuments\" USING gin (\"Text\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_TalentSearchDocuments_Text_trgm\";");
            migrationBuilder.DropTable(
                name: "ConsentGrants");

            migrationBuilder.DropTable(
                name: "ContactRequests");

            migrationBuilder.DropTable(
                name: "ResumeViews");

            migrationBuilder.DropTable(
                name: "TalentSearchDocuments");
        }
    }
}
