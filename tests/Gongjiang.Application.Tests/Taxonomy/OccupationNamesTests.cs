using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Application.Talent;
using Gongjiang.Application.Tests.Infrastructure;
using Gongjiang.Core.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Titles;

namespace Gongjiang.Application.Tests.Taxonomy;

/// <summary>The one understanding of typed occupation names, as every screen and the picker use it.</summary>
public sealed class OccupationNamesTests
{
    private const string Welder = "6-18-02-04", Turner = "6-18-01-01", MultiProcessCnc = "6-18-01-07";
    private static readonly OccupationNames Names = OccupationNames.For(TaxonomyCatalog.Default);

    [Theory]
    [InlineData("电焊工", new[] { Welder })]
    [InlineData("急招电焊工 包吃住", new[] { Welder })]
    [InlineData("数控车工", new[] { Turner, MultiProcessCnc })]
    [InlineData("CNC操机师傅", new[] { Turner, MultiProcessCnc })]
    public void Everyday_titles_are_read_as_ranked_standard_occupations_with_confidences(string title, string[] plausible)
    {
        var answers = Names.Find(title, 4);
        Assert.Contains(answers[0].Occupation.Code, plausible);
        Assert.Equal(OccupationFoundBy.Understood, answers[0].FoundBy);
        Assert.InRange(answers[0].Confidence, 0.01, 1);
        Assert.True(answers.Count > 1, "alternatives are offered");
        Assert.Equal(answers.Count, answers.Select(a => a.Occupation.Code).Distinct().Count());
        Assert.True(answers.Skip(1).All(a => a.Confidence <= answers[0].Confidence));
    }

    [Theory]
    [InlineData("6-18-02-04")]
    [InlineData("焊工")]
    [InlineData("氩弧焊工")] // an alias of 焊工
    public void A_code_name_or_alias_comes_first_and_sure(string typed)
    {
        var best = Names.Find(typed, 3)[0];
        Assert.Equal((Welder, OccupationFoundBy.Exact, 1.0, false), (best.Occupation.Code, best.FoundBy, best.Confidence, best.IsCoarse));
    }

    [Fact]
    public void A_typed_everyday_name_stands_for_its_sure_reading_and_an_unreadable_one_stays_as_typed()
    {
        Assert.Equal(Welder, TypedNames.Occupation(TaxonomyCatalog.Default, "电焊工"));
        Assert.Equal(Welder, TypedNames.Occupation(TaxonomyCatalog.Default, " 焊工 "));
        Assert.Equal("😀😀", TypedNames.Occupation(TaxonomyCatalog.Default, "😀😀"));
        Assert.Equal("9-99", TypedNames.Occupation(TaxonomyCatalog.Default, "9-99"));
    }

    [Theory]
    [InlineData("数控车工")]
    [InlineData("CNC操机")]
    [InlineData("叉车司机")]
    public void A_seekers_everyday_names_stand_for_detailed_occupations(string typed)
    {
        var code = TypedNames.Occupation(TaxonomyCatalog.Default, typed);
        Assert.Equal(4, TaxonomyCatalog.Default.FindOccupation(code)?.Level);
        Assert.Equal(Names.Best(typed).Occupation.Code, code);
    }

    public static TheoryData<string?> BadTitles => new()
    {
        null, "", "   ", "😀🔥👍", "abcdef xyz", new string('好', 500), string.Concat(Enumerable.Repeat("急招电焊工😀", 100)), "\uD83D",
    };

    [Theory]
    [MemberData(nameof(BadTitles))]
    public void Bad_input_gets_a_coarse_low_confidence_answer_and_never_an_exception(string? title)
    {
        var answers = Names.Find(title, 4);
        Assert.NotEmpty(answers);
        if (title is null || string.IsNullOrWhiteSpace(title) || !title.Any(char.IsLetter) || title.All(char.IsAscii))
        {
            Assert.True(answers[0].IsCoarse);
            Assert.True(answers[0].Confidence < OccupationNames.CoarseBelow);
        }
        Assert.Equal(answers[0], Names.Best(title));
    }

    [Fact]
    public void The_unclassified_answer_is_the_normalizers_for_nothing_recognisable()
    {
        var best = Names.Best("");
        Assert.Equal((TitleNormalizer.UnclassifiedCode, true), (best.Occupation.Code, best.IsCoarse));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_picker_and_the_taxonomy_page_answer_everyday_names(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var picked = await scope.ServiceProvider.RunAsAsync(Acting.SeekerUser(), new SearchOccupations.Query("电焊工", 5));
        Assert.Equal(Welder, picked.Value[0].Occupation.Code);
        var tooMany = await scope.ServiceProvider.RunAsAsync(Acting.SeekerUser(), new SearchOccupations.Query("电焊工", 101));
        Assert.Equal(ErrorKind.Invalid, tooMany.FailureKind);
        var browse = await scope.ServiceProvider.RunAsAsync(Acting.SeekerUser(), new BrowseTaxonomy.Query("数控车工", null));
        Assert.Contains(browse.Value.Results, o => o.Code == Turner);
        Assert.True(browse.Value.Results.Count > 1, "neighbours are listed too");
        var groups = await scope.ServiceProvider.RunAsAsync(Acting.SeekerUser(), new BrowseTaxonomy.Query(null, null));
        Assert.All(groups.Value.Results, o => Assert.Equal(1, o.Level));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_seeker_saves_an_everyday_occupation_name_as_its_standard_code(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var scope = database.Scope())
        {
            var line = InterchangeJson.ParseLine<TalentLine>("""
                {"name":"王强","city":"370211","occupations":[{"code":"电焊工","grade":4}],"skills":["二保焊"]}
                """, out var error)!;
            Assert.Null(error);
            (await scope.ServiceProvider.RunAsAsync(Acting.Seeker("user-t3", "T3"), new SaveProfile.Command(new ProfileLine(line)))).AssertValue();
        }
        await using (var scope = database.Scope())
        {
            var profile = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Talent.AsNoTracking().SingleAsync(t => t.Id == "T3");
            Assert.Equal([(Welder, (int?)4)], profile.Occupations.Select(o => (o.Code, o.Grade)));
        }
        await using (var scope = database.Scope())
        {
            var line = InterchangeJson.ParseLine<TalentLine>("""
                {"name":"王强","city":"370211","occupations":[{"code":"😀😀"}]}
                """, out _)!;
            var refused = await scope.ServiceProvider.RunAsAsync(Acting.Seeker("user-t3", "T3"), new SaveProfile.Command(new ProfileLine(line)));
            Assert.Equal((ErrorKind.Invalid, InputErrors.UnknownOccupation), (refused.FailureKind, refused.Errors[0].Code));
        }
    }
}
