using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TalentContacts_Phone",
                table: "TalentContacts");

            migrationBuilder.AddColumn<string>(
                name: "IdNumberIndex",
                table: "TalentContacts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneIndex",
                table: "TalentContacts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ErasureRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Users = table.Column<int>(type: "INTEGER", nullable: false),
                    Profiles = table.Column<int>(type: "INTEGER", nullable: false),
                    Contacts = table.Column<int>(type: "INTEGER", nullable: false),
                    Consents = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationsAnonymised = table.Column<int>(type: "INTEGER", nullable: false),
                    NotesRemoved = table.Column<int>(type: "INTEGER", nullable: false),
                    OutcomesAnonymised = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasureRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PrivacyConsents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgreedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivacyConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrivacyConsents_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TalentContacts_IdNumberIndex",
                table: "TalentContacts",
                column: "IdNumberIndex");

            migrationBuilder.CreateIndex(
                name: "IX_TalentContacts_PhoneIndex",
                table: "TalentContacts",
                column: "PhoneIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRecords_ErasedAt",
                table: "ErasureRecords",
                column: "ErasedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyConsents_UserId",
                table: "PrivacyConsents",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ErasureRecords");

            migrationBuilder.DropTable(
                name: "PrivacyConsents");

            migrationBuilder.DropIndex(
                name: "IX_TalentContacts_IdNumberIndex",
                table: "TalentContacts");

            migrationBuilder.DropIndex(
                name: "IX_TalentContacts_PhoneIndex",
                table: "TalentContacts");

            migrationBuilder.DropColumn(
                name: "IdNumberIndex",
                table: "TalentContacts");

            migrationBuilder.DropColumn(
                name: "PhoneIndex",
                table: "TalentContacts");

            migrationBuilder.CreateIndex(
                name: "IX_TalentContacts_Phone",
                table: "TalentContacts",
                column: "Phone");
        }
    }
}
