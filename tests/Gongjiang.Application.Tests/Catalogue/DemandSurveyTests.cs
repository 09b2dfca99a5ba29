using Gongjiang.Application.Catalogue;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Catalogue;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongjiang.Application.Tests.Catalogue.HandComputedMarket;

namespace Gongjiang.Application.Tests.Catalogue;

/// <summary>
/// A demand survey of 2026Q3 over <see cref="HandComputedMarket"/> with three more employers. Strata: 高端装备 × small
/// (E3, E4, E5, E6: N = 4), 高端装备 × medium (E1: N = 1), 新一代信息技术 × small (E2: N = 1). A sample of 4 of the 6
/// allocates round(4 × 4 ÷ 6) = 3, and at least 1 to each other stratum. Two of the three drawn small employers answer
/// (3 openings of A each): weight N ÷ r = 4 ÷ 2 = 2 (design weight 4 ÷ 3 times the non-response adjustment 3 ÷ 2), so
/// 12 weighted, × the survey weight 0.5 = 6 in V. E1 answers 2 of C: weight 1 → 1 in V. E2 does not answer: its stratum
/// adds nothing.
/// </summary>
public sealed class DemandSurveyTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Weighted_survey_demand_enters_V_with_design_weights_and_the_non_response_adjustment(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<AppDbContext>();
        await SeedAsync(context);
        context.Employers.AddRange(
            new Employer { Id = "E4", Name = "四厂", Uscc = "", CityCode = "370211", IndustryCluster = "高端装备", Employees = 150 },
            new Employer { Id = "E5", Name = "五厂", Uscc = "", CityCode = "370211", IndustryCluster = "高端装备", Employees = 40 },
            new Employer { Id = "E6", Name = "六厂", Uscc = "", CityCode = "370211", IndustryCluster = "高端装备", Employees = 25 });
        await context.SaveChangesAsync();
        await context.Employers.ExecuteUpdateAsync(e => e.SetProperty(x => x.Verification, VerificationStatus.Verified));

        var opened = await services.RunAsAsync(Acting.Operator(), new OpenSurvey.Command("2026Q3", SampleSize: 4, Seed: 7));
        Assert.True(opened.Succeeded);
        var survey = opened.Value.Id;
        var invited = await context.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == survey).ToListAsync();
        Assert.Equal(5, invited.Count);
        var small = invited.Where(i => i.Size == EmployerSize.Small && i.Cluster == "高端装备").Select(i => i.EmployerId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, small.Count);

        // The same seed draws the same sample.
        var again = await services.RunAsAsync(Acting.Operator(), new OpenSurvey.Command("2026Q4", SampleSize: 4, Seed: 7));
        Assert.Equal(small, await context.SurveyInvitations.Where(i => i.SurveyId == again.Value.Id && i.Size == EmployerSize.Small && i.Cluster == "高端装备")
            .Select(i => i.EmployerId).OrderBy(id => id).ToListAsync());

        foreach (var employer in small.Take(2))
            Assert.True((await services.RunAsAsync(Acting.Hr(employer), new SubmitSurveyNeeds.Command(survey, [new(A, 4, 3, SurveyUrgency.Urgent)]))).Succeeded);
        Assert.True((await services.RunAsAsync(Acting.Hr("E1"), new SubmitSurveyNeeds.Command(survey, [new(C, null, 2, SurveyUrgency.Normal)]))).Succeeded);

        var view = (await services.RunAsAsync(Acting.Operator(), new GetSurvey.Query(survey))).Value;
        var stratum = view.Strata.Single(s => s.Cluster == "高端装备" && s.Size == EmployerSize.Small);
        Assert.Equal((4, 3, 2, 2.0), (stratum.Population, stratum.Sampled, stratum.Responded, stratum.Weight));
        Assert.Equal(4.0 / 3, stratum.DesignWeight, 6);
        Assert.Equal(0, view.Strata.Single(s => s.Cluster == "新一代信息技术").Weight);
        Assert.Equal(14, view.WeightedHeadcount); // 2 × 3 × 2 + 1 × 2

        var catalogue = (await services.GetRequiredService<IUseCases>().RunAsync(new BuildCatalogue.Query("2026Q3"))).Value;
        var a = catalogue.Listings.Single(l => l.OccupationCode == A);
        Assert.Equal((15.0, 6.0, 12.0), (a.Demand, a.SurveyDemand, a.Gap)); // 9 posted + 6 surveyed; S = 3
        var c = catalogue.Listings.Single(l => l.OccupationCode == C);
        Assert.Equal((5.0, 1.0), (c.Demand, c.SurveyDemand));
        Assert.Equal(7.0 / (15 + 2 + 5), catalogue.SurveyShare, 6); // A 15, B 2, C 5
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_operators_open_surveys_and_only_drawn_employers_answer_them(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<AppDbContext>();
        await SeedAsync(context);
        // E3 is not verified, so it is not in the survey's frame.
        await context.Employers.Where(e => e.Id != "E3").ExecuteUpdateAsync(e => e.SetProperty(x => x.Verification, VerificationStatus.Verified));

        (await services.RunAsAsync(Acting.Hr("E1"), new OpenSurvey.Command("2026Q3", 2, 1))).AssertFails(ErrorKind.Forbidden, Gongjiang.Application.Compliance.ComplianceErrors.OperatorsOnly);
        var survey = (await services.RunAsAsync(Acting.Operator(), new OpenSurvey.Command("2026Q3", 1, 1))).Value;
        var drawn = await context.SurveyInvitations.Where(i => i.SurveyId == survey.Id).Select(i => i.EmployerId).OrderBy(id => id).ToListAsync();
        Assert.Equal(["E1", "E2"], drawn); // one stratum each, at least one drawn from every stratum
        (await services.RunAsAsync(Acting.Hr("E3"), new SubmitSurveyNeeds.Command(survey.Id, []))).AssertFails(ErrorKind.NotFound, CatalogueErrors.SurveyNotFound);
        var bad = await services.RunAsAsync(Acting.Hr(drawn[0]), new SubmitSurveyNeeds.Command(survey.Id, [new("9-99-99-99", 7, 0, SurveyUrgency.Soon)]));
        Assert.Equal(["needs[0].occupation_code", "needs[0].grade", "needs[0].headcount"], bad.Errors.Select(e => e.Field));
        Assert.Equal(0, await context.SurveyNeeds.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Drawn_employers_hear_of_the_survey_are_reminded_until_they_answer_and_a_closed_survey_takes_no_answers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var services = scope.ServiceProvider;
        var context = services.GetRequiredService<AppDbContext>();
        await SeedAsync(context);
        await context.Employers.Where(e => e.Id != "E3").ExecuteUpdateAsync(e => e.SetProperty(x => x.Verification, VerificationStatus.Verified));
        var now = DateTime.UtcNow;
        context.Users.AddRange(
            new AppUser { Id = "U-e1a", UserName = "e1a", NormalizedUserName = "E1A", EmployerId = "E1", CreatedAt = now },
            new AppUser { Id = "U-e1b", UserName = "e1b", NormalizedUserName = "E1B", EmployerId = "E1", CreatedAt = now },
            new AppUser { Id = "U-e1x", UserName = "e1x", NormalizedUserName = "E1X", EmployerId = "E1", CreatedAt = now, DisabledAt = now },
            new AppUser { Id = "U-e2", UserName = "e2", NormalizedUserName = "E2", EmployerId = "E2", CreatedAt = now },
            new AppUser { Id = "U-e3", UserName = "e3", NormalizedUserName = "E3", EmployerId = "E3", CreatedAt = now });
        await context.SaveChangesAsync();

        var survey = (await services.RunAsAsync(Acting.Operator(), new OpenSurvey.Command("2026Q3", 2, 1))).Value;
        async Task<List<string>> Told(string kind) => await context.Set<Notification>().AsNoTracking()
            .Where(n => n.Kind == kind).Select(n => n.UserId).OrderBy(u => u).ToListAsync();
        // Every active HR user of the drawn E1 and E2 hears of it, with a link to the form; E3 was not drawn, the disabled user hears nothing.
        Assert.Equal(["U-e1a", "U-e1b", "U-e2"], await Told(SurveyNotices.InvitedKind));
        Assert.All(await context.Set<Notification>().Where(n => n.Kind == SurveyNotices.InvitedKind).ToListAsync(), n => Assert.Equal("/Employer/Survey", n.Link));

        // E1 answers; the reminder goes only to E2.
        Assert.True((await services.RunAsAsync(Acting.Hr("E1"), new SubmitSurveyNeeds.Command(survey.Id, [new(A, 4, 1, SurveyUrgency.Normal)]))).Succeeded);
        (await services.RunAsAsync(Acting.Hr("E1"), new RemindSurvey.Command(survey.Id))).AssertFails(ErrorKind.Forbidden, Gongjiang.Application.Compliance.ComplianceErrors.OperatorsOnly);
        Assert.Equal(1, (await services.RunAsAsync(Acting.Operator(), new RemindSurvey.Command(survey.Id))).Value);
        Assert.Equal(["U-e2"], await Told(SurveyNotices.ReminderKind));

        (await services.RunAsAsync(Acting.Hr("E1"), new CloseSurvey.Command(survey.Id))).AssertFails(ErrorKind.Forbidden, Gongjiang.Application.Compliance.ComplianceErrors.OperatorsOnly);
        (await services.RunAsAsync(Acting.Operator(), new CloseSurvey.Command("S-none"))).AssertFails(ErrorKind.NotFound, CatalogueErrors.SurveyNotFound);
        var closed = await services.RunAsAsync(Acting.Operator(), new CloseSurvey.Command(survey.Id));
        Assert.NotNull(closed.Value.ClosedAt);
        Assert.Contains(await context.ServiceLog.AsNoTracking().ToListAsync(), e => e.Action == "survey.closed" && e.TargetId == survey.Id);

        // Closed: no more answers, no second close, no reminders; the list says so; E1's answer still counts in V.
        (await services.RunAsAsync(Acting.Hr("E2"), new SubmitSurveyNeeds.Command(survey.Id, [new(A, 4, 9, SurveyUrgency.Urgent)]))).AssertFails(ErrorKind.Conflict, CatalogueErrors.SurveyClosed);
        (await services.RunAsAsync(Acting.Operator(), new CloseSurvey.Command(survey.Id))).AssertFails(ErrorKind.Conflict, CatalogueErrors.SurveyClosed);
        (await services.RunAsAsync(Acting.Operator(), new RemindSurvey.Command(survey.Id))).AssertFails(ErrorKind.Conflict, CatalogueErrors.SurveyClosed);
        Assert.NotNull((await services.RunAsAsync(Acting.Operator(), new ListSurveys.Query())).Value.Single().ClosedAt);
        Assert.Equal(1, await context.SurveyNeeds.CountAsync());
        var a = (await services.GetRequiredService<IUseCases>().RunAsync(new BuildCatalogue.Query("2026Q3"))).Value.Listings.Single(l => l.OccupationCode == A);
        Assert.True(a.SurveyDemand > 0);
    }
}
