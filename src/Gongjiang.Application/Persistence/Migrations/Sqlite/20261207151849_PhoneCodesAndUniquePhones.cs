using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhoneCodesAndUniquePhones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TalentContacts_PhoneIndex",
                table: "TalentContacts");

            migrationBuilder.CreateTable(
                name: "PhoneCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PhoneIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AddressIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneCodes", x => x.Id);
                });

            // Numbers held twice from before they were unique stay with one profile (PhoneDeduplication).
            migrationBuilder.Sql(PhoneDeduplication.LogCleared);
            migrationBuilder.Sql(PhoneDeduplication.ClearDuplicates);

            migrationBuilder.CreateIndex(
                name: "IX_TalentContacts_PhoneIndex",
                table: "TalentContacts",
                column: "PhoneIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCodes_AddressIndex_CreatedAt",
                table: "PhoneCodes",
                columns: new[] { "AddressIndex", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PhoneCodes_PhoneIndex_CreatedAt",
                table: "PhoneCodes",
                columns: new[] { "PhoneIndex", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PhoneCodes");

            migrationBuilder.DropIndex(
                name: "IX_TalentContacts_PhoneIndex",
                table: "TalentContacts");

            migrationBuilder.CreateIndex(
                name: "IX_TalentContacts_PhoneIndex",
                table: "TalentContacts",
                column: "PhoneIndex");
        }
    }
}
