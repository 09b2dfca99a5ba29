namespace Gongjiang.Application.Persistence.Migrations;

/// <summary>
/// Before companies managed their own HR users, nobody was a company's administrator unless the company registered itself:
/// the migration that adds member management makes the earliest HR user of each company without an administrator its
/// administrator, so every company can invite and remove members. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public static class FirstEmployerAdmins
{
    public const string MarkEarliestUser = """
        UPDATE "AspNetUsers" SET "IsEmployerAdmin" = TRUE
        WHERE "Id" IN (
            SELECT "Id" FROM (
                SELECT u."Id", ROW_NUMBER() OVER (PARTITION BY u."EmployerId" ORDER BY u."CreatedAt", u."Id") AS rn
                FROM "AspNetUsers" u
                WHERE u."EmployerId" IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM "AspNetUsers" a WHERE a."EmployerId" = u."EmployerId" AND a."IsEmployerAdmin" = TRUE)) ranked
            WHERE rn = 1)
        """;
}
