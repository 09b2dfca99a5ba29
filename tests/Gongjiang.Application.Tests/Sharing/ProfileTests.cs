using Gongjiang.Application.Search;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Application.Tests.Sharing;

/// <summary>The seeker's résumé form, saved and reviewed through its use cases, and the employers' talent search as typed.</summary>
public sealed class ProfileTests
{
    private static readonly Actor SeekerT1 = Acting.Seeker("user-t1", "T1");
    private static readonly Actor Hr = Acting.Employer("user-hr", "E1");

    private static async Task<Result<T>> RunAsync<T>(TestDatabase database, Actor actor, IUseCase<T> request)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.RunAsAsync(actor, request);
    }

    private static ProfileForm Form(params OccupationRow[] occupations) => new()
    {
        Name = "张伟", Phone = "138 1234 5678", City = "370211", Occupations = [.. occupations], Skills = "氩弧焊、二氧化碳保护焊", ExperienceYears = "8",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_error_of_the_form_is_named_in_one_pass_by_the_row_typed_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        var form = Form(new OccupationRow(), new OccupationRow { Code = "氩弧焊工", Grade = "3" }, new OccupationRow { Code = "9-99-99-99" });
        form.Email = "not-an-address";
        form.ExperienceYears = "八年";
        form.SalaryMin = "9000";
        form.SalaryMax = "7000";

        var saved = await RunAsync(database, SeekerT1, new SaveProfile.Command(form));

        Assert.Equal(ErrorKind.Invalid, saved.FailureKind);
        Assert.Equal([("experience_years", TalentErrors.NotYears), ("email", TalentErrors.NotEmail), ("occupations[2].code", InputErrors.UnknownOccupation),
            ("expected_salary", InputErrors.MinOverMax)], saved.Errors.Select(e => (e.Field!, e.Code)));
        await using var scope = database.Scope();
        Assert.Equal(8, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Talent.AsNoTracking().SingleAsync(t => t.Id == "T1")).ExperienceYears);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_keeps_the_protected_attributes_and_the_sharing_as_they_are(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        var form = Form(new OccupationRow { Code = "氩弧焊工", Grade = "2", Certified = true });

        var saved = await RunAsync(database, SeekerT1, new SaveProfile.Command(form));

        Assert.True(saved.Succeeded, saved.ToString());
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = await db.Talent.AsNoTracking().SingleAsync(t => t.Id == "T1");
        Assert.Equal(("male", 1990, true, "6-18-02-04", 2), (profile.Gender, profile.BirthYear, profile.SharedWithZone, profile.Occupations.Single().Code, profile.Occupations.Single().Grade));
        Assert.Equal("13812345678", (await db.TalentContacts.AsNoTracking().SingleAsync(c => c.TalentId == "T1")).Phone);
        var editor = await RunAsync(database, SeekerT1, new ReviewProfile.Query());
        Assert.Equal(("焊工", "2"), (editor.Value.OccupationOfRow[0]!.Name, editor.Value.Form.Occupations[0].Grade));
        Assert.Equal(2, editor.Value.Form.Occupations.Count); // a blank row to type into
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_user_without_a_profile_gets_one_linked_to_the_account_and_only_then_may_share_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Users.Add(new AppUser { Id = "user-new", UserName = "new_seeker", DisplayName = "周晓峰", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var newcomer = new Actor("user-new", [Roles.Seeker], null, null);
        Assert.Equal("周晓峰", (await RunAsync(database, newcomer, new ReviewProfile.Query())).Value.Form.Name);
        Assert.Equal(TalentErrors.SaveFirst, (await RunAsync(database, newcomer, new SetProfileSharing.Command(true))).Errors.Single().Code);

        var form = Form();
        form.Name = "周晓峰";
        form.Phone = null;
        var saved = await RunAsync(database, newcomer, new SaveProfile.Command(form));

        Assert.True(saved.Succeeded, saved.ToString());
        await using var check = database.Scope();
        var user = await check.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == "user-new");
        Assert.Equal(saved.Value.Profile.Id, user.TalentId);
        Assert.False(saved.Value.Profile.SharedWithZone);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_search_reads_its_filters_as_typed_and_names_each_bad_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SharingSeed.SeedAsync(database);

        var bad = await RunAsync(database, Hr, new SearchTalent.Query(MinGrade: "abc", Education: "phd", MinExperience: "many"));
        Assert.Equal(["education", "minExperience", "minGrade"], bad.Errors.Select(e => e.Field));
        var byName = await RunAsync(database, Hr, new SearchTalent.Query(Occupation: "氩弧焊工", ReadNames: true));
        Assert.Equal(["T5", "T1"], byName.Value.Items.Select(c => c.Id));
        Assert.Equal(("孙*", "焊工"), (byName.Value.Items[0].MaskedName, byName.Value.Items[0].Occupations[0].Name));
        // The API reads an occupation's names and everyday titles too; what names none is refused.
        Assert.Equal(["T5", "T1"], (await RunAsync(database, Hr, new SearchTalent.Query(Occupation: "氩弧焊工"))).Value.Items.Select(c => c.Id));
        Assert.Equal(SearchErrors.UnknownOccupation, (await RunAsync(database, Hr, new SearchTalent.Query(Occupation: "@@@"))).Errors.Single().Code);
    }
}
