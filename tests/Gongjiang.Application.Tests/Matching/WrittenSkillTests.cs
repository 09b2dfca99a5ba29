using Gongjiang.Application.Import;
using Gongjiang.Application.Jobs;
using Gongjiang.Application.Matching;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Skills;
using Gongjiang.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Matching;

/// <summary>Skills as HR and seekers write them are saved with the standard item they stand for, and 推荐人才 counts it.</summary>
public sealed class WrittenSkillTests
{
    private const string CncOperator = "6-18-01-07", Item = "数控机床操作与调整";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Recommended_talent_for_a_job_whose_hr_typed_cnc_programming_hold_the_standard_cnc_item_as_matched(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var scope = database.Scope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportService>();
            await import.ImportEmployersAsync(new StringReader("""
                id,name,uscc,city,industry_cluster,enterprise_type
                E1,青岛海卓精密机械有限公司,91370211MA3C7K2P3D,370211,智能制造,specialized
                """), "employers.csv");
            // T1 holds the standard item, T2 wrote "数控编程", T3 holds another item only.
            await import.ImportTalentAsync(new StringReader($$$"""
                {"id":"T1","name":"张伟","city":"370211","occupations":[{"code":"{{{CncOperator}}}","grade":4}],"skills":["{{{Item}}}"],"expected_salary":{"min":7000,"max":10000}}
                {"id":"T2","name":"李强","city":"370211","occupations":[{"code":"{{{CncOperator}}}","grade":4}],"skills":["数控编程"],"expected_salary":{"min":7000,"max":10000}}
                {"id":"T3","name":"王芳","city":"370211","occupations":[{"code":"{{{CncOperator}}}","grade":4}],"skills":["夹具使用与调整"],"expected_salary":{"min":7000,"max":10000}}
                """), "talent.jsonl");
            // They share their profiles with the zone (saved through the context, so the matching index hears of it).
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var profile in await db.Talent.ToListAsync()) profile.SharedWithZone = true;
            (await db.Employers.SingleAsync()).Verification = Core.Employers.VerificationStatus.Verified;
            await db.SaveChangesAsync();
        }

        string jobId;
        await using (var scope = database.Scope())
        {
            var form = JobForm.New("370211", DateOnly.FromDateTime(DateTime.UtcNow));
            form.Title = "CNC操机师傅";
            form.OccupationCode = CncOperator;
            form.MinGrade = "4";
            form.SalaryMin = "7000";
            form.SalaryMax = "11000";
            form.Description = "数控车床、加工中心操作与编程";
            form.Skills = [new JobSkillRow { Name = "CNC编程", Weight = "100" }];
            var saved = await scope.ServiceProvider.RunAsEmployerAsync("E1", new SaveJob.Command(null, form, Publish: true));
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Code)));
            jobId = saved.Value.Job.Id;
            Assert.True(saved.Value.Outcome == SaveJob.Outcome.Published, $"{saved.Value.Outcome}: {saved.Value.Refusal?.Code} {string.Join(",", saved.Value.Flags.Select(f => f.ToString()))}");
        }

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
            Assert.Equal(("CNC编程", Item), (stored.Skills.Single().Name, stored.Skills.Single().StandardItem));
            var writer = await db.Talent.AsNoTracking().SingleAsync(t => t.Id == "T2");
            Assert.Equal(["数控编程"], writer.Skills);
            Assert.Equal([Item], writer.SkillItems);

            var recommended = await scope.ServiceProvider.RunAsEmployerAsync("E1", new RecommendTalent.Query(jobId));
            Assert.True(recommended.Value.IsOpen);
            var rows = recommended.Value.Rows.ToDictionary(r => r.Match.TalentId);

            Assert.Equal(["T1", "T2", "T3"], rows.Keys.Order(StringComparer.Ordinal));
            foreach (var id in new[] { "T1", "T2" })
            {
                Assert.Equal(["CNC编程 → " + Item], rows[id].Match.Reasons!.MatchedSkills);
                Assert.Contains("技能匹配 1/1: CNC编程 → " + Item, rows[id].Match.Reasons!.Text);
            }
            Assert.Empty(rows["T3"].Match.Reasons!.MatchedSkills);
            Assert.Equal(["CNC编程 → " + Item], rows["T3"].Match.Reasons!.MissingSkills);
        }
    }

    [Fact]
    public async Task A_screen_is_told_which_standard_item_each_written_skill_stands_for_and_how_sure_that_is()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.Scope();

        var recognized = (await scope.ServiceProvider.RunAsAsync(Acting.Hr("E1"), new RecognizeSkills.Query("CNC编程、二保焊；🔥", CncOperator, 4))).Value;
        var unknownCode = (await scope.ServiceProvider.RunAsAsync(Acting.Hr("E1"), new RecognizeSkills.Query("二保焊", "9-99-99-99", 9))).Value;
        var nothing = (await scope.ServiceProvider.RunAsAsync(Acting.Hr("E1"), new RecognizeSkills.Query(string.Concat(Enumerable.Repeat("🔥", 250)), null, null))).Value;

        var unread = (await scope.ServiceProvider.RunAsAsync(Acting.Hr("E1"), new RecognizeSkills.Query("会看图纸就行", CncOperator, 4))).Value;

        Assert.Equal([("CNC编程", Item), ("二保焊", "二氧化碳气体保护焊")], recognized.Select(r => (r.Written, r.Item)));
        Assert.All(recognized, r => Assert.InRange(r.Confidence, 0.45, 1.0));
        Assert.Equal("二氧化碳气体保护焊", Assert.Single(unknownCode).Item);
        Assert.Empty(nothing);
        Assert.Equal(("会看图纸就行", null, 0.0), (Assert.Single(unread).Written, unread[0].Item, unread[0].Confidence));
    }
}
