using Gongjiang.Core.Jobs;
using static Gongjiang.Matching.Tests.Engine.SmallMarket;

namespace Gongjiang.Matching.Tests.Engine;

public class IncrementalTests
{
    [Fact]
    public void A_new_profile_is_matchable_by_the_next_query()
    {
        var engine = Index([WelderJob()], [WelderTalent("T1")]);
        Assert.Equal(["T1"], Ids(engine.TalentForJob("J1", 10, Options)));

        engine.Upsert(WelderTalent("T9", grade: 2));

        Assert.Equal(["T1", "T9"], Ids(engine.TalentForJob("J1", 10, Options)).Order());
        Assert.Equal(["J1"], Ids(engine.JobsForTalent("T9", 10, Options), talent: false));
    }

    [Fact]
    public void An_edited_profile_is_matched_on_its_new_content_only()
    {
        var engine = Index([WelderJob(), ElectricianJob()], [WelderTalent("T1")]);

        // The welder retrains as an electrician and moves to 济南.
        var edited = ElectricianTalent("T1");
        engine.Upsert(edited);

        Assert.Empty(engine.TalentForJob("J1", 10, Options));
        Assert.Equal(["J2"], Ids(engine.JobsForTalent("T1", 10, Options), talent: false));
        Assert.Equal(1, engine.TalentCount);
    }

    [Fact]
    public void A_new_job_is_matchable_and_a_closed_or_removed_one_is_not()
    {
        var engine = Index([], [WelderTalent("T1")]);
        Assert.Empty(engine.JobsForTalent("T1", 10, Options));

        engine.Upsert(WelderJob("J7"));
        Assert.Equal(["J7"], Ids(engine.JobsForTalent("T1", 10, Options), talent: false));

        var closed = WelderJob("J7");
        closed.Status = JobStatus.Closed;
        engine.Upsert(closed);
        Assert.Empty(engine.JobsForTalent("T1", 10, Options));

        engine.Upsert(WelderJob("J7"));
        Assert.True(engine.Remove("J7"));
        Assert.Empty(engine.JobsForTalent("T1", 10, Options));
        Assert.False(engine.ContainsJob("J7"));
    }

    [Fact]
    public void A_job_moved_away_and_back_is_listed_once()
    {
        var engine = Index([WelderJob("J1")], [WelderTalent("T1")]);
        var moved = WelderJob("J1");
        moved.CityCode = Jinan;
        engine.Upsert(moved);
        Assert.Empty(engine.JobsForTalent("T1", 10, Options));

        engine.Upsert(WelderJob("J1"));

        Assert.Equal(["J1"], Ids(engine.JobsForTalent("T1", 10, Options), talent: false));
        Assert.Equal(["J1"], Ids(engine.BrowseJobs("T1", 10, Options with { NonPersonalized = true, Cities = [Qingdao] }), talent: false));
    }

    [Fact]
    public async Task Queries_running_during_upserts_see_a_consistent_index()
    {
        var engine = Index([WelderJob()], [WelderTalent("T0")]);
        var failures = 0;
        var reader = Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
                foreach (var r in engine.TalentForJob("J1", 50, Options))
                    if (r.Reasons is null || r.TalentId.Length == 0) Interlocked.Increment(ref failures);
        });
        for (var i = 1; i <= 500; i++) engine.Upsert(WelderTalent($"T{i}", grade: 1 + i % 4));
        await reader;

        Assert.Equal(0, failures);
        Assert.Equal(50, engine.TalentForJob("J1", 50, Options).Count);
        Assert.Equal(501, engine.TalentCount);
    }
}
