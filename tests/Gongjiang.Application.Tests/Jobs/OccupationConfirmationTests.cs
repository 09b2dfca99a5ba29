using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Jobs;

/// <summary>A posting goes out only with an occupation its poster chose; the editor suggests, it never fills in.</summary>
public sealed class OccupationConfirmationTests
{
    private const string Welder = "6-18-02-04";

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        db.Employers.Add(new Employer
        {
            Id = "E1", Name = "青岛海卓精密机械有限公司", Uscc = "91370211MA3C7K2P3D", CityCode = "370211", IndustryCluster = "智能制造",
            Verification = VerificationStatus.Verified, VerifiedAt = now, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }

    private static JobForm Form(string title, string? occupation = null) => new()
    {
        Title = title, OccupationCode = occupation, City = "370211", ExpiresAt = "2099-12-31", SalaryMin = "7000", SalaryMax = "10000", Headcount = "2",
        Description = "船舶分段焊接，五险一金，包吃住", Skills = [new JobSkillRow { Name = "二氧化碳气体保护焊" }],
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publishing_is_refused_until_the_poster_picks_the_suggested_occupation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);

        // Saved and asked to publish without an occupation: saved with the title's reading as a suggestion, not published.
        string id;
        await using (var scope = database.Scope())
        {
            var saved = (await scope.ServiceProvider.RunAsEmployerAsync("E1", new SaveJob.Command(null, Form("急招电焊工 包吃住"), Publish: true))).AssertValue();
            Assert.Equal(SaveJob.Outcome.PublishRefused, saved.Outcome);
            Assert.Equal((JobErrors.OccupationUnconfirmed, "occupation_code"), (saved.Refusal!.Code, saved.Refusal.Field));
            Assert.Equal(Welder, saved.Refusal.Details!["suggested_code"]);
            Assert.Equal((JobStatus.Draft, Welder), (saved.Job.Status, saved.Job.OccupationCode));
            Assert.NotNull(saved.Job.OccupationConfidence);
            id = saved.Job.Id;
        }
        // The API's publish refuses it the same way.
        await using (var scope = database.Scope())
        {
            var published = await scope.ServiceProvider.RunAsEmployerAsync("E1", new PublishJob.Command(id));
            published.AssertFails(ErrorKind.Refused, JobErrors.OccupationUnconfirmed);
        }

        // The editor reopens with nothing filled in, the reading on top of its alternatives with confidences.
        ReviewJobDraft.Editor editor;
        await using (var scope = database.Scope())
            editor = (await scope.ServiceProvider.RunAsEmployerAsync("E1", new ReviewJobDraft.Query(id, null))).AssertValue();
        Assert.True(string.IsNullOrEmpty(editor.Form.OccupationCode));
        Assert.Null(editor.Occupation);
        Assert.Equal(Welder, editor.Suggestions[0].Occupation.Code);
        Assert.InRange(editor.Suggestions.Count, 3, ReviewJobDraft.SuggestionCount);

        // Picking it previews the editor with it chosen; publishing then goes through and the code is the poster's.
        await using (var scope = database.Scope())
            editor = (await scope.ServiceProvider.RunAsEmployerAsync("E1", new ReviewJobDraft.Query(id, editor.Form, ReviewJobDraft.Step.Preview, Welder))).AssertValue();
        Assert.Equal((Welder, 0), (editor.Occupation?.Code, editor.Suggestions.Count));
        await using (var scope = database.Scope())
        {
            var saved = (await scope.ServiceProvider.RunAsEmployerAsync("E1", new SaveJob.Command(id, editor.Form, Publish: true))).AssertValue();
            Assert.True(saved.Outcome == SaveJob.Outcome.Published, saved.Refusal?.ToString());
        }
        await using (var scope = database.Scope())
        {
            var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
            Assert.Equal((Welder, (double?)null, JobStatus.Open), (job.OccupationCode, job.OccupationConfidence, job.Status));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀😀😀")]
    [InlineData("Welder needed")]
    public async Task A_bad_title_gets_a_coarse_suggestion_in_the_editor_and_no_exception(string title)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(database);
        await using var scope = database.Scope();
        var form = Form(title);
        var editor = (await scope.ServiceProvider.RunAsEmployerAsync("E1", new ReviewJobDraft.Query(null, form, ReviewJobDraft.Step.Preview))).AssertValue();
        if (title.Length == 0) Assert.Empty(editor.Suggestions);
        else Assert.True(editor.Suggestions[0].IsCoarse);
        var longTitle = (await scope.ServiceProvider.RunAsEmployerAsync("E1", new ReviewJobDraft.Query(null, Form(new string('焊', 500)), ReviewJobDraft.Step.Preview))).AssertValue();
        Assert.NotEmpty(longTitle.Suggestions);
        Assert.Contains(longTitle.Errors, e => e.Field == "title"); // too long to save, said on the form
    }
}
