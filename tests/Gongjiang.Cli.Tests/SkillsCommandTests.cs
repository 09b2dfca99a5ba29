namespace Gongjiang.Cli.Tests;

public sealed class SkillsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Sql(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "zone.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Backfill_gives_records_saved_before_skills_were_read_their_items_and_a_second_run_changes_nothing()
    {
        File.WriteAllText(Path.Combine(_dir, "employers.csv"), "id,name,uscc,city,industry_cluster,enterprise_type\nE1,青岛海卓精密机械有限公司,91370211MA3C7K2P3D,370211,智能制造,specialized\n");
        File.WriteAllText(Path.Combine(_dir, "jobs.jsonl"), """
            {"id":"J1","employer_id":"E1","title":"焊工","occupation_code":"6-18-02-04","min_grade":3,"skills":[{"name":"二保焊","weight":1}],"city":"370211","salary":{"min":7000,"max":9000}}
            """ + "\n");
        File.WriteAllText(Path.Combine(_dir, "talent.jsonl"), """
            {"id":"T1","name":"张伟","city":"370211","occupations":[{"code":"6-18-02-04","grade":3}],"skills":["二保焊"]}
            {"id":"T2","name":"李强","city":"370211","skills":["会看图纸就行"]}
            """ + "\n");
        var imported = await CliProcess.RunAsync(_dir, "import", "--db", "zone.db", "--employers", "employers.csv", "--jobs", "jobs.jsonl", "--talent", "talent.jsonl");
        Assert.True(imported.ExitCode == 0, imported.Stdout + imported.Stderr);
        // As saved before skills were read: no items.
        Sql("""UPDATE "Talent" SET "SkillItems" = '[]'; UPDATE "Jobs" SET "Skills" = '[{"Name":"二保焊","Weight":1.0}]'""");

        var first = await CliProcess.RunAsync(_dir, "skills", "backfill", "--db", "zone.db");
        var second = await CliProcess.RunAsync(_dir, "skills", "backfill", "--db", "zone.db");

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.Contains("skill items: 1 of 1 postings updated, 1 of 2 profiles updated", first.Stdout);
        Assert.Contains("skill items: 0 of 1 postings updated, 0 of 2 profiles updated", second.Stdout);
    }
}
