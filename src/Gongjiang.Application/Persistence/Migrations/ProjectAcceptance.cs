namespace Gongjiang.Application.Persistence.Migrations;

/// <summary>
/// Before a client employer accepted its headhunting projects, every project was worked on as soon as the agency opened it:
/// those projects keep working, so the migration that adds the client's decision marks them as accepted. The same SQL runs
/// on SQLite and PostgreSQL.
/// </summary>
public static class ProjectAcceptance
{
    public const string MarkExistingAccepted = """
        UPDATE "HeadhuntingProjects" SET "ClientDecision" = 'Accepted', "ClientDecidedAt" = "CreatedAt"
        """;
}
