using Microsoft.EntityFrameworkCore.Design;

namespace Gongjiang.Application.Persistence;

// Used only by `dotnet ef migrations add`; each provider keeps its own migrations.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        (SqliteAppDbContext)DatabaseTarget.Parse(Path.Combine(Path.GetTempPath(), "gongjiang-design.db")).CreateContext();
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        (PostgresAppDbContext)DatabaseTarget.Parse("Host=127.0.0.1;Database=gongjiang_design;Username=postgres").CreateContext();
}
