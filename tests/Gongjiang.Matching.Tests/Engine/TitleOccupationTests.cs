using Gongjiang.Core.Talent;
using Gongjiang.Matching.Engine;
using static Gongjiang.Matching.Tests.Engine.SmallMarket;

namespace Gongjiang.Matching.Tests.Engine;

/// <summary>Jobs and people without an occupation code are placed by what their titles say, through the title normalizer.</summary>
public sealed class TitleOccupationTests
{
    [Fact]
    public void A_job_without_a_code_is_placed_by_its_free_title()
    {
        // "急招二保焊师傅" is no official name or alias: only the normalizer reads it as 焊工.
        var job = WelderJob();
        job.OccupationCode = null;
        job.Title = "急招二保焊师傅/包住/8k";
        var engine = Index([job], [WelderTalent()]);

        var result = Assert.Single(engine.TalentForJob(job.Id, 10, Options));

        Assert.Equal(Welder, result.Reasons!.JobOccupationCode);
        Assert.Equal(OccupationProximity.SameOccupation, result.Reasons.Proximity);
    }

    [Fact]
    public void A_person_without_occupations_is_placed_by_a_free_desired_title()
    {
        var person = WelderTalent();
        person.Occupations = [];
        person.DesiredTitles = ["招二保焊师傅（包吃住）"];
        // No grade held, so no minimum grade on the job.
        var job = WelderJob();
        job.MinGrade = null;
        var engine = Index([job], [person]);

        var result = Assert.Single(engine.JobsForTalent(person.Id, 10, Options));

        Assert.Equal(Welder, result.Reasons!.OccupationCode);
        Assert.True(result.Reasons.OccupationFromDesiredTitle);
        Assert.Equal(OccupationProximity.SameOccupation, result.Reasons.Proximity);
    }

    [Fact]
    public void A_held_occupation_is_not_overridden_by_a_free_desired_title()
    {
        var person = ElectricianTalent(city: Huangdao);
        person.DesiredTitles = ["二保焊师傅"];
        var engine = Index([WelderJob()], [person]);

        var result = engine.JobsForTalent(person.Id, 10, Options).SingleOrDefault();

        Assert.True(result is null || result.Reasons!.Proximity != OccupationProximity.SameOccupation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("🔥🔥🔥")]
    [InlineData("hello world")]
    [InlineData("五险一金 双休 包住")]
    public void A_title_that_says_nothing_leaves_the_job_without_an_occupation(string title)
    {
        var job = WelderJob();
        job.OccupationCode = null;
        job.Title = title;
        var engine = Index([job], [WelderTalent()]);

        var results = engine.TalentForJob(job.Id, 10, Options);

        Assert.All(results, r => Assert.Null(r.Reasons!.JobOccupationCode));
    }
}

public sealed class OccupationNameReasonTests
{
    [Fact]
    public void Reasons_name_the_occupation_without_the_classification_markers()
    {
        const string systemsAdministrator = "4-04-04-03"; // 信息通信信息化系统管理员S in the classification
        var job = ElectricianJob();
        job.OccupationCode = systemsAdministrator;
        job.MinGrade = null;
        var person = ElectricianTalent();
        person.Occupations = [new() { Code = systemsAdministrator, Grade = 4 }];
        var engine = Index([job], [person]);

        var result = Assert.Single(engine.TalentForJob(job.Id, 10, Options));

        Assert.Equal("信息通信信息化系统管理员", result.Reasons!.OccupationName);
    }
}
