using Gongjiang.Core.Recruiting;

namespace Gongjiang.Core.Tests.Recruiting;

public sealed class ApplicationStagesTests
{
    private const ApplicationStage Applied = ApplicationStage.Applied, Screening = ApplicationStage.Screening, Interview = ApplicationStage.Interview,
        Offer = ApplicationStage.Offer, Signed = ApplicationStage.Signed, Rejected = ApplicationStage.Rejected, Withdrawn = ApplicationStage.Withdrawn;

    /// <summary>Every legal change; all other pairs of stages are illegal.</summary>
    private static readonly HashSet<(ApplicationStage, ApplicationStage)> Legal =
    [
        (Applied, Screening), (Applied, Interview), (Applied, Rejected), (Applied, Withdrawn),
        (Screening, Interview), (Screening, Rejected), (Screening, Withdrawn),
        (Interview, Offer), (Interview, Rejected), (Interview, Withdrawn),
        (Offer, Signed), (Offer, Rejected), (Offer, Withdrawn),
    ];

    public static TheoryData<ApplicationStage, ApplicationStage> AllPairs()
    {
        var data = new TheoryData<ApplicationStage, ApplicationStage>();
        foreach (var from in Enum.GetValues<ApplicationStage>())
            foreach (var to in Enum.GetValues<ApplicationStage>()) data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Each_pair_of_stages_is_legal_exactly_when_the_pipeline_allows_it(ApplicationStage from, ApplicationStage to) =>
        Assert.Equal(Legal.Contains((from, to)), ApplicationStages.CanMove(from, to));

    [Theory]
    [InlineData(Signed)]
    [InlineData(Rejected)]
    [InlineData(Withdrawn)]
    public void A_closed_application_cannot_move_anywhere(ApplicationStage closed)
    {
        foreach (var to in Enum.GetValues<ApplicationStage>())
        {
            Assert.False(ApplicationStages.CanMove(closed, to));
            Assert.NotNull(ApplicationStages.Refusal(closed, to, RecruitingRole.Employer));
        }
    }

    [Fact]
    public void A_seeker_may_only_withdraw()
    {
        foreach (var to in Enum.GetValues<ApplicationStage>().Where(s => s != Withdrawn))
            Assert.Equal("求职者只能撤回自己的申请。", ApplicationStages.Refusal(Applied, to, RecruitingRole.Seeker));
        Assert.Null(ApplicationStages.Refusal(Interview, Withdrawn, RecruitingRole.Seeker));
    }

    [Fact]
    public void An_employer_cannot_withdraw_for_the_seeker() =>
        Assert.NotNull(ApplicationStages.Refusal(Applied, Withdrawn, RecruitingRole.Employer));

    [Fact]
    public void Rejection_requires_a_reason_and_a_refused_move_changes_nothing()
    {
        var application = new JobApplication { Id = "A1", Stage = Screening };
        var version = application.Version;
        Assert.Equal("拒绝申请须填写原因。", application.TryMove(Rejected, RecruitingRole.Employer, "u1", DateTime.UtcNow, "  "));
        Assert.NotNull(application.TryMove(Signed, RecruitingRole.Employer, "u1", DateTime.UtcNow, null));
        Assert.Equal(Screening, application.Stage);
        Assert.Empty(application.History);
        Assert.Equal(version, application.Version);
    }

    [Fact]
    public void A_move_is_recorded_with_who_when_from_to_and_why_and_changes_the_version()
    {
        var application = new JobApplication { Id = "A1", Stage = Interview, Version = Guid.NewGuid() };
        var version = application.Version;
        var at = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
        Assert.Null(application.TryMove(Rejected, RecruitingRole.Employer, "hr-7", at, "焊接实操未达要求"));
        var change = Assert.Single(application.History);
        Assert.Equal((Interview, Rejected, "hr-7", at, "焊接实操未达要求"), (change.From!.Value, change.To, change.ByUserId, change.At, change.Reason));
        Assert.NotEqual(version, application.Version);
    }

    [Fact]
    public void Stage_changes_feed_the_ranker_except_screening()
    {
        Assert.Equal(OutcomeStage.Applied, ApplicationStages.OutcomeFor(Applied));
        Assert.Null(ApplicationStages.OutcomeFor(Screening));
        Assert.Equal(OutcomeStage.Interviewed, ApplicationStages.OutcomeFor(Interview));
        Assert.Equal(OutcomeStage.Offered, ApplicationStages.OutcomeFor(Offer));
        Assert.Equal(OutcomeStage.Hired, ApplicationStages.OutcomeFor(Signed));
        Assert.Equal(OutcomeStage.Rejected, ApplicationStages.OutcomeFor(Rejected));
        Assert.Equal(OutcomeStage.Withdrawn, ApplicationStages.OutcomeFor(Withdrawn));
    }
}
