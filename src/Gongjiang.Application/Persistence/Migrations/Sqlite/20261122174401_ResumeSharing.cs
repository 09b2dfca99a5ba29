using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmployerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmployerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GrantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ViewerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ViewerEmployerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Shown = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Headline = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SourceUpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
            // Full text over the search documents: an FTS5 table with the trigram tokenizer, kept in step by triggers.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"TalentSearchFts\" USING fts5(\"Text\", content='TalentSearchDocuments', content_rowid='Id', tokenize='trigram');");
            migrationBuilder.Sql("CREATE TRIGGER \"TalentSearchDocuments_ai\" AFTER INSERT ON \"TalentSearchDocuments\" BEGIN " +
                "INSERT INTO \"TalentSearchFts\"(rowid, \"Text\") VALUES (new.\"Id\", new.\"Text\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TalentSearchDocuments_ad\" AFTER DELETE ON \"TalentSearchDocuments\" BEGIN " +
                "INSERT INTO \"TalentSearchFts\"(\"TalentSearchFts\", rowid, \"Text\") VALUES ('delete', old.\"Id\", old.\"Text\"); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"TalentSearchDocuments_au\" AFTER UPDATE ON \"TalentSearchDocuments\" BEGIN " +
                "INSERT INTO \"TalentSearchFts\"(\"TalentSearchFts\", rowid, \"Text\") VALUES ('delete', old.\"Id\", old.\"Text\"); " +
                "INSERT INTO \"TalentSearchFts\"(rowid, \"Text\") VALUES (new.\"Id\", new.\"Text\"); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TalentSearchDocuments_ai\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TalentSearchDocuments_ad\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TalentSearchDocuments_au\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"TalentSearchFts\";");
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
