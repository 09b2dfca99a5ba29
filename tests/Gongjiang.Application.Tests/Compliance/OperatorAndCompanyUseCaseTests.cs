using System.Text;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Compliance;

/// <summary>The operators' dashboard, the company profile, the import and the classification as use cases.</summary>
public sealed class OperatorAndCompanyUseCaseTests
{
    private static async Task<T> WithAsync<T>(TestDatabase database, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = database.Scope();
        return await work(scope.ServiceProvider);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_zone_overview_counts_what_readers_see_today_and_only_operators_read_it(DatabaseProvider provider)
    {
        var clock = new ManualClock(ComplaintServiceTests.Start);
        await using var database = await TestDatabase.CreateAsync(provider, clock);
        await ComplaintServiceTests.SeedAsync(database, ComplaintServiceTests.Posting("J1", "E1"), ComplaintServiceTests.Posting("J2", "E2"));
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = ComplaintServiceTests.Start.UtcDateTime;
            db.Employers.Add(new Employer { Id = "E3", Name = "青岛新材科技有限公司", Uscc = "91370211MA3C9M6T7H", CityCode = "370211", IndustryCluster = "", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var overview = (await WithAsync(database, sp => sp.RunAsAsync(Acting.Operator(), new GetZoneOverview.Query()))).Value;
        Assert.Equal((2, 1), (overview.EmployersByStatus[VerificationStatus.Verified], overview.EmployersByStatus[VerificationStatus.Pending]));
        Assert.Contains(overview.EmployersByCluster, c => c is { Cluster: "其他", Count: 1, Verified: 0 });
        Assert.Equal((2, 6), (overview.JobsByStatus[JobStatus.Open], overview.OpenOpenings));
        var welders = Assert.Single(overview.TopOccupations);
        Assert.Equal(("6-18-02-04", 2, 6, (double?)null), (welders.Code, welders.OpenJobs, welders.Openings, welders.DemandRatio));
        Assert.Contains(overview.Recent, a => a.Link == "/Jobs/Detail/J1");

        clock.Advance(TimeSpan.FromDays(400)); // both postings are past their date: expired to readers, not yet to the database
        overview = (await WithAsync(database, sp => sp.RunAsAsync(Acting.Operator(), new GetZoneOverview.Query()))).Value;
        Assert.Equal((0, 2, 0), (overview.JobsByStatus[JobStatus.Open], overview.JobsByStatus[JobStatus.Expired], overview.OpenOpenings));
        Assert.Empty(overview.TopOccupations);

        Assert.Equal(ErrorKind.Forbidden, (await WithAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"), new GetZoneOverview.Query()))).FailureKind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Hr_edits_its_own_company_profile_and_bad_fields_are_named(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(ComplaintServiceTests.Start));
        await ComplaintServiceTests.SeedAsync(database, ComplaintServiceTests.Posting("J1", "E1"));

        var bad = await WithAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"),
            new UpdateCompanyProfile.Command(new string('介', 4001), "not a site", new string('路', 301))));
        Assert.Equal(["description", "website", "address"], bad.Errors.Select(e => e.Field));
        Assert.Equal([InputErrors.TooLong, EmployerErrors.WebsiteInvalid, InputErrors.TooLong], bad.Errors.Select(e => e.Code));
        Assert.All(bad.Errors, e => Assert.Equal(ErrorKind.Invalid, e.Kind));

        var saved = await WithAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"), new UpdateCompanyProfile.Command(" 精密机械加工 ", "www.haizhuo.example.cn", "黄岛区")));
        Assert.Equal(("精密机械加工", "https://www.haizhuo.example.cn"), (saved.Value.Description, saved.Value.Website));
        var profile = (await WithAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"), new GetCompanyProfile.Query()))).Value;
        Assert.Equal(("E1", "https://www.haizhuo.example.cn"), (profile.Company.Id, profile.Company.Website));
        Assert.Null(profile.WhyCannotPublish);
        Assert.False(profile.CanRequestVerification); // verified and far from expiry
        Assert.Equal(1, profile.JobCounts[JobStatus.Open]);

        var noEmployer = await WithAsync(database, sp => sp.RunAsAsync(Acting.SeekerUser(), new GetCompanyProfile.Query()));
        Assert.Equal(ErrorKind.Forbidden, noEmployer.FailureKind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Employers_import_only_their_own_jobs_and_never_resumes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new ManualClock(ComplaintServiceTests.Start));
        await ComplaintServiceTests.SeedAsync(database);
        static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
        const string jobs = "id,employer_id,title,occupation_code,min_grade,city,salary_min,salary_max,headcount,description,status\n"
                            + "JI1,,氩弧焊工,6-18-02-04,3,370211,7000,11000,2,负责管道焊接。,draft\n"
                            + "JI2,E2,数控车工,6-18-01-01,3,370211,7000,10000,1,操作数控车床。,draft\n";

        var preview = await WithAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"), new ImportSheet.Command(ImportSheet.Jobs, Csv(jobs), "jobs.csv", Commit: false)));
        Assert.Equal((1, 1), (preview.Value.Preview.Valid, preview.Value.Preview.Invalid));
        Assert.Null(preview.Value.Report);
        var imported = await WithAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"), new ImportSheet.Command(ImportSheet.Jobs, Csv(jobs), "jobs.csv", Commit: true)));
        Assert.Equal(1, imported.Value.Report!.Inserted);
        Assert.Equal("E1", await WithAsync(database, sp => sp.GetRequiredService<AppDbContext>().Jobs.Where(j => j.Id == "JI1").Select(j => j.EmployerId).SingleAsync()));

        var resumes = await WithAsync(database, sp => sp.RunAsAsync(Acting.Hr("E1"), new ImportSheet.Command(ImportSheet.Talent, Csv("id,name\n"), "t.csv", false)));
        Assert.Equal((ErrorKind.Forbidden, ImportErrors.OperatorsOnly), (resumes.FailureKind, resumes.Errors[0].Code));
        var text = await WithAsync(database, sp => sp.RunAsAsync(Acting.Operator(), new ImportSheet.Command(ImportSheet.Jobs, Csv("a,b"), "jobs.txt", false)));
        Assert.Equal(("file", ImportErrors.UnsupportedFile), (text.Errors[0].Field, text.Errors[0].Code));
    }

    [Fact]
    public async Task The_classification_answers_an_unknown_occupation_with_not_found()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var welder = await WithAsync(database, sp => sp.RunAsAsync(Acting.SeekerUser(), new GetOccupation.Query("6-18-02-04")));
        Assert.Equal(["6-00-00-00", "6-18-00-00", "6-18-02-00", "6-18-02-04"], welder.Value.Path.Select(o => o.Code));
        var unknown = await WithAsync(database, sp => sp.RunAsAsync(Acting.SeekerUser(), new GetOccupation.Query("9-99-99-99")));
        Assert.Equal((ErrorKind.NotFound, TaxonomyErrors.OccupationNotFound), (unknown.FailureKind, unknown.Errors[0].Code));
        var browse = await WithAsync(database, sp => sp.RunAsAsync(Acting.SeekerUser(), new BrowseTaxonomy.Query("氩弧焊工", null)));
        Assert.Equal("6-18-02-04", browse.Value.Selected?.Occupation.Code ?? browse.Value.Results[0].Code);
    }
}
