namespace Gongjiang.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content.Replace("\r\n", "\n"));
        return name;
    }

    [Fact]
    public async Task Import_reports_bad_rows_as_file_line_reason_imports_the_rest_and_exits_1()
    {
        Write("employers.csv", """
            id,name,uscc,city,industry_cluster,enterprise_type
            E0001,青岛海卓精密机械有限公司,91370211MA3C7K2P3D,370211,智能制造,specialized
            E0002,校验码错误公司,91370211MA3C7K2P3E,370211,智能制造,sme
            """);
        Write("jobs.jsonl", """
            {"id":"J1","employer_id":"E0001","title":"急聘数控车工（五险一金，包住）8-12K","occupation_code":null,"city":"370211","salary":{"min":8000,"max":12000},"headcount":2,"posted_at":"2026-07-01","expires_at":"2026-12-31","description":"数控车床操作"}
            {"id":"J2","employer_id":"E0001","title":"电工","city":"370211","salary":{"min":9000,"max":8000}}
            not json
            """);
        var result = await CliProcess.RunAsync(_dir, "import", "--db", "zone.db", "--employers", "employers.csv", "--jobs", "jobs.jsonl");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("employers.csv:3: uscc:", result.Stderr);
        Assert.Contains("jobs.jsonl:2: salary: min 9000 is greater than max 8000", result.Stderr);
        Assert.Contains("jobs.jsonl:3: malformed JSON", result.Stderr);
        Assert.Contains("employers: 1 imported", result.Stdout);
        Assert.Contains("jobs: 1 imported", result.Stdout);
        Assert.DoesNotContain("   at ", result.Stderr); // no stack trace for user error
    }

    [Fact]
    public async Task A_clean_import_exits_0_and_export_writes_it_back_in_the_same_format()
    {
        Write("employers.csv", """
            id,name,uscc,city,industry_cluster,enterprise_type
            E0001,青岛海卓精密机械有限公司,91370211MA3C7K2P3D,370211,智能制造,specialized
            """);
        Write("jobs.jsonl", """
            {"id":"J1","employer_id":"E0001","title":"氩弧焊工","occupation_code":"6-18-02-04","min_grade":3,"skills":[{"name":"氩弧焊","weight":0.5}],"city":"370211","salary":{"min":7000,"max":11000},"headcount":5,"posted_at":"2026-07-01","expires_at":"2026-09-30","description":"焊接"}
            """);
        var imported = await CliProcess.RunAsync(_dir, "import", "--db", "zone.db", "--employers", "employers.csv", "--jobs", "jobs.jsonl");
        Assert.Equal(0, imported.ExitCode);

        var exported = await CliProcess.RunAsync(_dir, "export", "--db", "zone.db", "--jobs", "out.jsonl", "--employers", "out.csv");
        Assert.Equal(0, exported.ExitCode);
        var job = File.ReadAllText(Path.Combine(_dir, "out.jsonl"));
        Assert.Contains("\"title\":\"氩弧焊工\"", job);
        Assert.Contains("\"occupation_code\":\"6-18-02-04\"", job);
        Assert.StartsWith("id,name,uscc,city,industry_cluster,enterprise_type", File.ReadAllText(Path.Combine(_dir, "out.csv")));

        var again = await CliProcess.RunAsync(_dir, "import", "--db", "zone.db", "--jobs", "out.jsonl");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("jobs: 1 imported (0 new, 1 updated)", again.Stdout);
    }

    [Fact]
    public async Task A_missing_input_file_is_a_clear_error()
    {
        var result = await CliProcess.RunAsync(_dir, "import", "--db", "zone.db", "--talent", "nowhere.jsonl");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nowhere.jsonl: file not found", result.Stderr);
    }

    [Fact]
    public async Task Db_migrate_creates_the_default_database_under_the_working_folder()
    {
        var result = await CliProcess.RunAsync(_dir, "db", "migrate");
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(_dir, "data", "gongjiang.db")));
    }
}
