using Gongjiang.Matching.Engine;
using static Gongjiang.Matching.Tests.Engine.SmallMarket;

namespace Gongjiang.Matching.Tests.Engine;

/// <summary>What a résumé says of the work record is a feature a learned ranker may weigh; the hand weights leave it out.</summary>
public sealed class WorkRecordTests
{
    [Theory]
    [InlineData("从事焊接工作八年。曾获市级职业技能竞赛三等奖。", 1f)]
    [InlineData("连续两年被评为优秀员工。", 1f)]
    [InlineData("带过三名徒弟，均已独立上岗。", 1f)]
    [InlineData("近两年换过四份工作。", 0f)]
    [InlineData("中间有一段时间离开了本行业。", 0f)]
    [InlineData("熟悉二氧化碳气体保护焊，能看懂图纸。", 0.5f)]
    [InlineData("曾获技能竞赛二等奖，但近两年换过三份工作。", 0.5f)]
    [InlineData("", 0.5f)]
    [InlineData("🔧🔧🔧", 0.5f)]
    [InlineData(null, 0.5f)]
    public void A_resume_shows_recognition_instability_or_neither(string? resume, float expected) =>
        Assert.Equal(expected, WorkRecordSignals.Of(resume));

    [Fact]
    public void The_work_record_reaches_the_features_and_leaves_the_hand_score_alone()
    {
        var recognised = WelderTalent("T1");
        recognised.ResumeText = "连续两年被评为优秀员工。";
        var unstable = WelderTalent("T2");
        unstable.ResumeText = "近两年换过四份工作。";
        var engine = Index([WelderJob()], [recognised, unstable]);

        var results = engine.TalentForJob("J1", 10, Options);

        var byId = results.ToDictionary(r => r.TalentId);
        Assert.Equal(1f, byId["T1"].Features.WorkRecord);
        Assert.Equal(0f, byId["T2"].Features.WorkRecord);
        Assert.Equal(0f, HandWeights.Default.WorkRecord);
        Assert.Equal(byId["T1"].Score, byId["T2"].Score);
    }
}
