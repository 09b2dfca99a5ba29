using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Skills;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Application.Tests.Sharing;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Skills;

/// <summary>
/// Written skills are shown with the standard item they are read as; what the writer confirms or refuses is kept on
/// later saves; the everyday occupation name a seeker typed stays beside the code; old records get their items.
/// </summary>
public sealed class SkillConfirmationTests
{
    private const string Welder = "6-18-02-04", CncOperator = "6-18-01-07", CncItem = "数控机床操作与调整", Co2Item = "二氧化碳气体保护焊";
    private static readonly Actor SeekerT1 = Acting.Seeker("user-t1", "T1");
    private static readonly Actor Hr = Acting.Employer("user-hr", "E1");

    private static async Task<Result<T>> RunAsync<T>(TestDatabase database, Actor actor, IUseCase<T> request)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.RunAsAsync(actor, request);
    }

    private static JobForm CncJob()
    {
        var form = JobForm.New("370211", DateOnly.FromDateTime(DateTime.UtcNow));
        form.Title = "CNC操机师傅";
        form.OccupationCode = CncOperator;
        form.MinGrade = "4";
        form.SalaryMin = "7000";
        form.SalaryMax = "11000";
        form.Description = "数控车床、加工中心操作与编程";
        form.Skills = [new JobSkillRow { Name = "CNC编程", Weight = "50" }, new JobSkillRow { Name = "数控编程", Weight = "30" }, new JobSkillRow { Name = "会看图纸就行" }];
        return form;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_job_editor_shows_each_skill_with_its_reading_and_keeps_what_hr_confirmed_or_refused_across_saves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);

        // While editing: each written skill with the item it is read as (or none), then HR's buttons.
        var form = CncJob();
        var editor = (await RunAsync(database, Hr, new ReviewJobDraft.Query(null, form, ReviewJobDraft.Step.Preview))).AssertValue();
        Assert.Equal([("CNC编程", CncItem, SkillItemStatus.Read), ("数控编程", CncItem, SkillItemStatus.Read), ("会看图纸就行", null, SkillItemStatus.Read)],
            editor.SkillReadings.Select(r => (r.Written, r.Item, r.Status)));
        Assert.InRange(editor.SkillReadings[0].Confidence, SkillReadingFloor, 1);
        editor = (await RunAsync(database, Hr, new ReviewJobDraft.Query(null, editor.Form, ReviewJobDraft.Step.Preview, SkillChoice: "confirm:CNC编程"))).AssertValue();
        editor = (await RunAsync(database, Hr, new ReviewJobDraft.Query(null, editor.Form, ReviewJobDraft.Step.Preview, SkillChoice: "decline:数控编程"))).AssertValue();
        Assert.Equal([("CNC编程", CncItem, SkillItemStatus.Confirmed), ("数控编程", null, SkillItemStatus.Declined)],
            editor.SkillReadings.Take(2).Select(r => (r.Written, r.Item, r.Status)));

        var saved = (await RunAsync(database, Hr, new SaveJob.Command(null, editor.Form, Publish: false))).AssertValue();
        var id = saved.Job.Id;
        await AssertStoredAsync();

        // Opened again and saved as it is: both are kept.
        var reopened = (await RunAsync(database, Hr, new ReviewJobDraft.Query(id, null))).AssertValue();
        Assert.Equal([SkillItemStatus.Confirmed, SkillItemStatus.Declined, SkillItemStatus.Read], reopened.SkillReadings.Select(r => r.Status));
        (await RunAsync(database, Hr, new SaveJob.Command(id, reopened.Form, Publish: false))).AssertValue();
        await AssertStoredAsync();

        // Undone, the skill is read again.
        editor = (await RunAsync(database, Hr, new ReviewJobDraft.Query(id, reopened.Form, ReviewJobDraft.Step.Preview, SkillChoice: "undo:数控编程"))).AssertValue();
        (await RunAsync(database, Hr, new SaveJob.Command(id, editor.Form, Publish: false))).AssertValue();
        await using (var scope = database.Scope())
        {
            var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
            Assert.Equal((CncItem, SkillItemStatus.Read), (job.Skills[1].StandardItem, job.Skills[1].ItemStatus));
        }

        async Task AssertStoredAsync()
        {
            await using var scope = database.Scope();
            var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
            Assert.Equal([("CNC编程", CncItem, SkillItemStatus.Confirmed), ("数控编程", null, SkillItemStatus.Declined), ("会看图纸就行", null, SkillItemStatus.Read)],
                job.Skills.Select(s => (s.Name, s.StandardItem, s.ItemStatus)));
        }
    }

    private const double SkillReadingFloor = 0.45;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_confirmed_item_must_be_a_standard_item(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        var form = CncJob();
        form.SkillChoices = [new SkillChoiceRow { Skill = "CNC编程", Item = "随便写的技能项" }];

        var refused = await RunAsync(database, Hr, new SaveJob.Command(null, form, Publish: false));

        var error = refused.AssertFails(ErrorKind.Invalid, SkillErrors.UnknownItem);
        Assert.Equal("「随便写的技能项」不是国家职业技能标准中的技能项。", error.InChinese());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_seeker_who_refuses_a_reading_keeps_the_skill_as_written_on_every_later_save(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);

        var editor = (await RunAsync(database, SeekerT1, new ReviewProfile.Query())).AssertValue();
        editor.Form.Skills = "二保焊、氩弧焊、会开叉车";
        editor = (await RunAsync(database, SeekerT1, new ReviewProfile.Query(editor.Form))).AssertValue();
        Assert.Equal([("二保焊", Co2Item, SkillItemStatus.Read), ("会开叉车", null, SkillItemStatus.Read)],
            editor.SkillReadings.Where(r => r.Written != "氩弧焊").Select(r => (r.Written, r.Item, r.Status)));
        editor = (await RunAsync(database, SeekerT1, new ReviewProfile.Query(editor.Form, ReviewProfile.Step.ChooseSkill, SkillChoice: "decline:二保焊"))).AssertValue();
        Assert.Equal((null, SkillItemStatus.Declined), (editor.SkillReadings[0].Item, editor.SkillReadings[0].Status));
        editor = (await RunAsync(database, SeekerT1, new ReviewProfile.Query(editor.Form, ReviewProfile.Step.ChooseSkill, SkillChoice: "confirm:氩弧焊"))).AssertValue();
        var confirmedItem = editor.SkillReadings[1].Item;
        Assert.NotNull(confirmedItem);
        (await RunAsync(database, SeekerT1, new SaveProfile.Command(editor.Form))).AssertValue();

        for (var save = 0; save < 2; save++)
        {
            // As saved, and as opened and saved again without touching the skills.
            await using (var scope = database.Scope())
            {
                var profile = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Talent.AsNoTracking().SingleAsync(t => t.Id == "T1");
                Assert.DoesNotContain(Co2Item, profile.SkillItems);
                Assert.Contains(confirmedItem, profile.SkillItems);
                Assert.Equal([("二保焊", null, SkillItemStatus.Declined), ("氩弧焊", confirmedItem, SkillItemStatus.Confirmed)],
                    profile.SkillChoices.OrderBy(c => c.Skill, StringComparer.Ordinal).Select(c => (c.Skill, c.Item, c.Status)));
            }
            var reopened = (await RunAsync(database, SeekerT1, new ReviewProfile.Query())).AssertValue();
            Assert.Equal(SkillItemStatus.Declined, reopened.SkillReadings.Single(r => r.Written == "二保焊").Status);
            (await RunAsync(database, SeekerT1, new SaveProfile.Command(reopened.Form))).AssertValue();
        }

        // A skill no longer written takes its decision with it; written again, it is read again.
        var edited = (await RunAsync(database, SeekerT1, new ReviewProfile.Query())).AssertValue();
        edited.Form.Skills = "氩弧焊";
        (await RunAsync(database, SeekerT1, new SaveProfile.Command(edited.Form))).AssertValue();
        edited = (await RunAsync(database, SeekerT1, new ReviewProfile.Query())).AssertValue();
        edited.Form.Skills = "氩弧焊、二保焊";
        (await RunAsync(database, SeekerT1, new SaveProfile.Command(edited.Form))).AssertValue();
        await using (var scope = database.Scope())
        {
            var profile = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Talent.AsNoTracking().SingleAsync(t => t.Id == "T1");
            Assert.Contains(Co2Item, profile.SkillItems);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_seeker_who_types_an_everyday_occupation_name_sees_it_beside_the_standard_one_and_so_does_hr(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);

        // Typed as an everyday name (no script), and picked from the suggestions after typing one (the script's hidden fields).
        var editor = (await RunAsync(database, SeekerT1, new ReviewProfile.Query())).AssertValue();
        editor.Form.Occupations = [new OccupationRow { Code = "电焊工", Grade = "3", Certified = true }, new OccupationRow { Code = CncOperator, TypedName = "CNC操机", TypedFor = CncOperator, Grade = "4" }];
        (await RunAsync(database, SeekerT1, new SaveProfile.Command(editor.Form))).AssertValue();

        var reopened = (await RunAsync(database, SeekerT1, new ReviewProfile.Query())).AssertValue();
        Assert.Equal([(Welder, "电焊工"), (CncOperator, "CNC操机"), (null, null)], reopened.Form.Occupations.Select(o => (o.Code, o.TypedName)));
        Assert.Equal(["焊工", "多工序数控机床操作调整工"], reopened.OccupationOfRow.Take(2).Select(o => o!.PlainName));

        // Saved again as opened: still there. Another code typed into the row: the old name goes.
        (await RunAsync(database, SeekerT1, new SaveProfile.Command(reopened.Form))).AssertValue();
        reopened = (await RunAsync(database, SeekerT1, new ReviewProfile.Query())).AssertValue();
        Assert.Equal("电焊工", reopened.Form.Occupations[0].TypedName);

        var search = (await RunAsync(database, Hr, new SearchTalent.Query(Occupation: Welder))).AssertValue();
        Assert.Equal("电焊工", search.Items.Single(c => c.Id == "T1").Occupations.Single(o => o.Code == Welder).TypedName);
        var resume = (await RunAsync(database, Hr, new OpenResume.Query("T1", "page"))).AssertValue();
        Assert.Equal([(Welder, "电焊工"), (CncOperator, "CNC操机")], resume.Access.Profile.Occupations.Select(o => (o.Code, o.TypedName)));

        reopened.Form.Occupations[1].Code = "6-18-01-01";
        (await RunAsync(database, SeekerT1, new SaveProfile.Command(reopened.Form))).AssertValue();
        reopened = (await RunAsync(database, SeekerT1, new ReviewProfile.Query())).AssertValue();
        Assert.Equal(("6-18-01-01", null), (reopened.Form.Occupations[1].Code, reopened.Form.Occupations[1].TypedName));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Backfill_gives_old_postings_and_profiles_their_items_once_and_leaves_decisions_alone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        await using (var scope = database.Scope())
        {
            // Saved before skills were read: no items anywhere; one refusal already on record.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var job = await db.Jobs.SingleAsync(j => j.Id == "J1");
            job.Skills = [new JobSkill { Name = "二保焊", Weight = 0.5 }, new JobSkill { Name = "氩弧焊", Weight = 0.5, ItemStatus = SkillItemStatus.Declined }];
            await db.SaveChangesAsync();
            Assert.All(await db.Talent.AsNoTracking().ToListAsync(), t => Assert.Empty(t.SkillItems));
        }

        var first = (await RunAsync(database, Acting.Operator(), new BackfillSkillItems.Command())).AssertValue();
        var second = (await RunAsync(database, Acting.Operator(), new BackfillSkillItems.Command())).AssertValue();

        Assert.Equal((1, 1), (first.PostingsChecked, first.PostingsUpdated));
        Assert.True(first.ProfilesUpdated >= 2, $"{first.ProfilesUpdated} of {first.ProfilesChecked} profiles updated");
        Assert.Equal(new BackfillSkillItems.Backfilled(first.PostingsChecked, 0, first.ProfilesChecked, 0), second);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == "J1");
            Assert.Equal([(Co2Item, SkillItemStatus.Read), (null, SkillItemStatus.Declined)], job.Skills.Select(s => (s.StandardItem, s.ItemStatus)));
            var welder = await db.Talent.AsNoTracking().SingleAsync(t => t.Id == "T1");
            Assert.Equal(["钨极氩弧焊"], welder.SkillItems); // "氩弧焊" as written
        }
        (await RunAsync(database, Hr, new BackfillSkillItems.Command())).AssertFails(ErrorKind.Forbidden, "compliance.operators_only");
    }
}
