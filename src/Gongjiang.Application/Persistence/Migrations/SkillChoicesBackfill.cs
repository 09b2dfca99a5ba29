namespace Gongjiang.Application.Persistence.Migrations;

/// <summary>
/// When seekers began to confirm or refuse how their skills are read, profiles on record had made no decision: their
/// list of decisions is empty rather than missing. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public static class SkillChoicesBackfill
{
    public const string NoDecisionsYet = """UPDATE "Talent" SET "SkillChoices" = '[]' WHERE "SkillChoices" IS NULL""";
}
