using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PhoneIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AddressIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false)
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
