using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmployerVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountClass",
                table: "Employers",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HrLicenceAuthority",
                table: "Employers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HrLicenceContentType",
                table: "Employers",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HrLicenceFileHash",
                table: "Employers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HrLicenceNote",
                table: "Employers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HrLicenceNumber",
                table: "Employers",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HrLicenceStatus",
                table: "Employers",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "HrLicenceValidUntil",
                table: "Employers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LicensedName",
                table: "Employers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerificationExpiresAt",
                table: "Employers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerificationRequestedAt",
                table: "Employers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Employers_VerificationExpiresAt",
                table: "Employers",
                column: "VerificationExpiresAt");

            // Existing records: agencies are HR-service businesses; a verification lapses 6 months after approval.
            migrationBuilder.Sql("""
                UPDATE "Employers" SET "AccountClass" = CASE WHEN "IsAgency" THEN 'HrService' ELSE 'SelfRecruiting' END, "HrLicenceStatus" = 'None', "VerificationExpiresAt" = CASE WHEN "Verification" = 'Verified' AND "VerifiedAt" IS NOT NULL THEN datetime("VerifiedAt", '+6 months') END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Employers_VerificationExpiresAt",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "AccountClass",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "HrLicenceAuthority",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "HrLicenceContentType",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "HrLicenceFileHash",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "HrLicenceNote",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "HrLicenceNumber",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "HrLicenceStatus",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "HrLicenceValidUntil",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "LicensedName",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "VerificationExpiresAt",
                table: "Employers");

            migrationBuilder.DropColumn(
                name: "VerificationRequestedAt",
                table: "Employers");
        }
    }
}
