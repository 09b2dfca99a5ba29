using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SkillChoicesAndTypedNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SkillChoices",
                table: "Talent",
                type: "jsonb",
                nullable: true);

            // Profiles on record have made no decision yet (SkillChoicesBackfill).
            migrationBuilder.Sql(SkillChoicesBackfill.NoDecisionsYet);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SkillChoices",
                table: "Talent");
        }
    }
}
