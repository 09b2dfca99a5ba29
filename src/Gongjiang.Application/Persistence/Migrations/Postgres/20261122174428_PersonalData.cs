using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "TalentContacts",
                type: "character varying(600)",
                maxLength: 600,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "TalentContacts",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(320)",
                oldMaxLength: 320,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberIndex",
                table: "TalentContacts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneIndex",
                table: "TalentContacts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ErasureRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Users = table.Column<int>(type: "integer", nullable: false),
                    Profiles = table.Column<int>(type: "integer", nullable: false),
                    Contacts = table.Column<int>(type: "integer", nullable: false),
                    Consents = table.Column<int>(type: "integer", nullable: false),
                    ApplicationsAnonymised = table.Column<int>(type: "integer", nullable: false),
                    NotesRemoved = table.Column<int>(type: "integer", nullable: false),
                    OutcomesAnonymised = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasureRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PrivacyConsents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PolicyVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgreedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "TalentContacts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(600)",
                oldMaxLength: 600);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "TalentContacts",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(600)",
                oldMaxLength: 600,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalentContacts_Phone",
                table: "TalentContacts",
                column: "Phone");
        }
    }
}
