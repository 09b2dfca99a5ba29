namespace Gongjiang.Cli.Tests;

/// <summary><c>titles normalize</c> and <c>titles evaluate</c> as a user runs them.</summary>
public sealed class TitlesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongjiang-titles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, params string[] lines) => File.WriteAllLines(Path.Combine(_dir, name), lines);

    [Fact]
    public async Task Normalize_writes_one_row_per_title_in_the_same_order()
    {
        Write("titles.csv", "job_name", "急聘数控车工/五险一金/8k", "\"焊工,包住\"", "\"\"", "😀😀");
        var run = await CliProcess.RunAsync(_dir, "titles", "normalize", "--in", "titles.csv", "--out", "predictions.csv");

        Assert.Equal(0, run.ExitCode);
        var rows = File.ReadAllLines(Path.Combine(_dir, "predictions.csv"));
        Assert.Equal("job_name,code,name,score", rows[0]);
        Assert.Equal(5, rows.Length);
        Assert.StartsWith("急聘数控车工/五险一金/8k,6-18-01-01,", rows[1]);
        Assert.Contains(",6-18-02-04,", rows[2]);
        Assert.Contains(",8-00-00-00,", rows[3]);
        Assert.Contains(",8-00-00-00,", rows[4]);
    }

    [Fact]
    public async Task Evaluate_measures_the_selected_rows_at_four_levels()
    {
        // Row 0 exact, row 1 only the major group right, row 2 exact, row 3 wrong everywhere, row 4 without a code.
        Write("labelled.csv", "job_name,expected_code", "数控车工,6-18-01-01", "焊工,6-99-99-99", "电工,6-31-01-03", "焊工,1-01-00-00", "车工,");

        var all = await CliProcess.RunAsync(_dir, "titles", "evaluate", "--in", "labelled.csv", "--rows", "all");
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("titles:  4 (all rows; 1 skipped", all.Stdout);
        Assert.Contains("left out when measuring a title (four folds): the labelled titles equal to it and the lexicon terms equal to it", all.Stdout);
        Assert.Contains("exact:   0.500", all.Stdout);
        Assert.Contains("major:   0.750", all.Stdout);

        var quarter = await CliProcess.RunAsync(_dir, "titles", "evaluate", "--in", "labelled.csv", "--rows", "1/4");
        Assert.Equal(0, quarter.ExitCode);
        Assert.Contains("titles:  1 (1/4 rows", quarter.Stdout);
        Assert.Contains("exact:   0.000", quarter.Stdout);
        Assert.Contains("major:   1.000", quarter.Stdout);

        var byDefault = await CliProcess.RunAsync(_dir, "titles", "evaluate", "--in", "labelled.csv");
        Assert.Contains("titles:  1 (3/4 rows", byDefault.Stdout); // the held-out quarter: row 3

        var odd = await CliProcess.RunAsync(_dir, "titles", "evaluate", "--in", "labelled.csv", "--rows", "odd");
        Assert.Contains("titles:  2 (odd rows", odd.Stdout);
        Assert.Contains("major:   0.500", odd.Stdout);
    }

    [Fact]
    public async Task Evaluate_measures_a_title_without_the_lexicon_term_equal_to_it_and_says_so()
    {
        // 拉长 (a line leader) is found only through the recruiting lexicon's own entry for it.
        Write("labelled.csv", "job_name,expected_code", "拉长,6-00-00-00");
        var run = await CliProcess.RunAsync(_dir, "titles", "evaluate", "--in", "labelled.csv", "--rows", "all");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(1 lexicon terms in all)", run.Stdout);
        Assert.Contains("exact:   0.000", run.Stdout);
        Assert.Contains("with the lexicon terms equal to an evaluated title kept: exact 1.000", run.Stdout);
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("half")]
    [InlineData("1/0")]
    public async Task Evaluate_refuses_a_row_selection_it_cannot_read(string rows)
    {
        Write("labelled.csv", "job_name,expected_code", "车工,6-18-01-01");
        var run = await CliProcess.RunAsync(_dir, "titles", "evaluate", "--in", "labelled.csv", "--rows", rows);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--rows must be all, even, odd or K/M", run.Stderr);
    }

    [Fact]
    public async Task Evaluate_names_the_file_and_line_of_a_missing_column()
    {
        Write("labelled.csv", "title,code", "车工,6-18-01-01");
        var run = await CliProcess.RunAsync(_dir, "titles", "evaluate", "--in", "labelled.csv");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("labelled.csv:1: no job_name column", run.Stderr);
    }
}
