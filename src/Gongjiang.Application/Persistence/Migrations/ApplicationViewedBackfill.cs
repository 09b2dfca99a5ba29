namespace Gongjiang.Application.Persistence.Migrations;

/// <summary>
/// When applications began to record that HR viewed them (已查看), the views already in the résumé view log count: an
/// application is marked viewed at the first view of the seeker's résumé by its employer at or after the application
/// was made. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public static class ApplicationViewedBackfill
{
    public const string FromViewLog = """
        UPDATE "Applications" SET "ViewedAt" = (
            SELECT MIN(v."At") FROM "ResumeViews" v
            WHERE v."TalentId" = "Applications"."TalentId" AND v."ViewerEmployerId" = "Applications"."EmployerId" AND v."At" >= "Applications"."AppliedAt")
        WHERE "ViewedAt" IS NULL
        """;
}
