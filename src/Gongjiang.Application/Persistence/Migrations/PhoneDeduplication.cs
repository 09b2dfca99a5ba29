namespace Gongjiang.Application.Persistence.Migrations;

/// <summary>
/// Before phone numbers became unique, two profiles could hold one number. The migration that makes them unique first
/// keeps each number on one profile — the one with an account, the earliest signed up — and clears it from the others,
/// writing one service-log row per cleared profile. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public static class PhoneDeduplication
{
    private const string Duplicates = """
        SELECT "TalentId" FROM (
            SELECT c."TalentId", ROW_NUMBER() OVER (PARTITION BY c."PhoneIndex"
                ORDER BY CASE WHEN u."Id" IS NULL THEN 1 ELSE 0 END, u."CreatedAt", c."TalentId") AS rn
            FROM "TalentContacts" c LEFT JOIN "AspNetUsers" u ON u."TalentId" = c."TalentId"
            WHERE c."PhoneIndex" IS NOT NULL) ranked
        WHERE rn > 1
        """;

    public const string LogCleared = $"""
        INSERT INTO "ServiceLog" ("At", "ActorUserId", "Action", "TargetKind", "TargetId", "Reason")
        SELECT CURRENT_TIMESTAMP, 'system', 'talent.phone_cleared', 'talent', d."TalentId", 'The number is held by another profile: a number belongs to one account.'
        FROM ({Duplicates}) d
        """;

    public const string ClearDuplicates = $"""
        UPDATE "TalentContacts" SET "Phone" = NULL, "PhoneIndex" = NULL WHERE "TalentId" IN ({Duplicates})
        """;
}
