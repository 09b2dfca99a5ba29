using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Titles;

namespace Gongjiang.Matching.Tests.Titles;

/// <summary>What labelled recruiting titles add to the title normalizer, and how it is measured without them.</summary>
public sealed class LabelledTitleTests
{
    private static readonly LabelledTitle[] OperationsPostsFiledAsMarketing =
    [
        new("渠道运营岗", "2-06-07-02"),
        new("区域运营岗", "2-06-07-02"),
        new("门店运营岗", "2-06-07-02"),
    ];

    [Fact]
    public void The_classifier_prefers_the_minor_group_whose_titles_share_the_most_characters()
    {
        var classifier = new LabelledTitleClassifier(
        [
            (["数控车工"], "6-18-01-01"), (["车工"], "6-18-01-01"),
            (["焊工"], "6-18-02-04"), (["电焊工"], "6-18-02-04"), (["二保焊工"], "6-18-02-04"),
            (["车工"], "not-a-code"),
        ]);

        var probabilities = classifier.ClassProbabilities(["氩弧焊工"]);

        Assert.Equal(5, classifier.ExampleCount);
        Assert.Equal(["6-18-01", "6-18-02"], probabilities.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1.0, probabilities.Values.Sum(), precision: 9);
        Assert.True(probabilities["6-18-02"] > 0.8, $"焊 titles should win, got {probabilities["6-18-02"]:0.000}");
        Assert.True(classifier.ClassProbabilities(["数控车床工"])["6-18-01"] > 0.8);
    }

    [Fact]
    public void The_classifier_reads_latin_words_whole_not_letter_by_letter()
    {
        var classifier = new LabelledTitleClassifier([(["developing"], "2-02-31-01"), (["java"], "2-02-10-03")]);

        // "developer" is neither word, however many letters it shares with "developing": it favours neither group.
        var unseen = classifier.ClassProbabilities(["developer"]);
        Assert.Equal(unseen["2-02-10"], unseen["2-02-31"], precision: 9);
        Assert.True(classifier.ClassProbabilities(["java developer"])["2-02-10"] > 0.7); // 0.75: one shared word of one example each
    }

    [Theory]
    [InlineData("Senior Java Developer", "2-02-10-03")]
    [InlineData("python developer", "2-02-10-03")]
    public void Latin_titles_keep_their_occupation_with_the_embedded_labelled_titles(string title, string code) =>
        Assert.Equal(code, new TitleNormalizer(TaxonomyCatalog.Default).Normalize(title).Code);

    [Fact]
    public void The_classifier_says_nothing_without_examples_or_without_text()
    {
        Assert.Empty(new LabelledTitleClassifier([]).ClassProbabilities(["焊工"]));
        Assert.Empty(new LabelledTitleClassifier([(["焊工"], "6-18-02-04")]).ClassProbabilities([]));
    }

    [Fact]
    public void Labelled_titles_settle_a_close_call_between_the_candidates_the_words_found()
    {
        var withoutLabels = new TitleNormalizer(TaxonomyCatalog.Default, []);
        var withLabels = new TitleNormalizer(TaxonomyCatalog.Default, OperationsPostsFiledAsMarketing);

        Assert.Equal("4-13-01-05", withoutLabels.Normalize("平台运营岗").Code);
        var learned = withLabels.Normalize("平台运营岗");
        Assert.StartsWith("2-06-07-", learned.Code, StringComparison.Ordinal);
        Assert.Contains(withoutLabels.Suggest("平台运营岗", 50), m => m.Code == learned.Code);
    }

    [Theory]
    [InlineData("产科护士")]
    public void Labelled_titles_choose_between_close_members_of_a_group_the_one_people_file_such_titles_under(string title)
    {
        var withoutLabels = new TitleNormalizer(TaxonomyCatalog.Default, []);
        var answer = withoutLabels.Normalize(title).Code;
        // The next member of the same minor group among the candidates the words found.
        var member = withoutLabels.Suggest(title, 200)
            .First(m => !m.IsCoarse && m.Code != answer && OccupationCode.Minor(m.Code) == OccupationCode.Minor(answer)).Code;
        var filedUnderMember = Enumerable.Range(0, 3).Select(_ => new LabelledTitle(title, member)).ToList();

        Assert.Equal(member, new TitleNormalizer(TaxonomyCatalog.Default, filedUnderMember).Normalize(title).Code);
    }

    [Fact]
    public void The_detailed_classifier_tells_the_members_of_a_group_apart()
    {
        var classifier = new LabelledTitleClassifier([(["电焊工"], "6-18-02-04"), (["气割工"], "6-18-02-05")], detailed: true);

        Assert.True(classifier.ClassProbabilities(["二保焊工"])["6-18-02-04"] > 0.5);
        Assert.True(classifier.ClassProbabilities(["气割"])["6-18-02-05"] > 0.5);
    }

    [Theory]
    [InlineData("速录师")]          // a name of the classification as it stands
    [InlineData("营销专员")]        // a recruiting title of the lexicon
    [InlineData("新媒体运营主管")]  // a known title before a rank word
    [InlineData("抖音剪辑")]        // content work for a channel
    [InlineData("焊工")]            // a clear lead
    public void Labelled_titles_do_not_move_a_title_the_words_settle(string title)
    {
        var withoutLabels = new TitleNormalizer(TaxonomyCatalog.Default, []);
        var answer = withoutLabels.Normalize(title).Code;
        // A label that files the title under the best candidate of another minor group: the classifier then gives that
        // group all its probability. (Two such labels are a consistent filing, which does decide: see below.)
        var other = withoutLabels.Suggest(title, 50).First(m => !m.IsCoarse && OccupationCode.Minor(m.Code) != OccupationCode.Minor(answer)).Code;
        LabelledTitle[] misfiled = [new(title, other)];

        Assert.Equal(answer, new TitleNormalizer(TaxonomyCatalog.Default, misfiled).Normalize(title).Code);
    }

    [Fact]
    public void A_title_people_filed_the_same_way_twice_takes_that_code()
    {
        LabelledTitle[] twice = [new("急招焊工 包吃住", "6-18-02-05"), new("焊工（五险一金）", "6-18-02-05")];

        var normalizer = new TitleNormalizer(TaxonomyCatalog.Default, twice);

        var match = normalizer.Normalize("诚聘焊工");
        Assert.Equal("6-18-02-05", match.Code);
        Assert.Equal(0.667, match.Score);   // all 2 filings agree: 2/3
        Assert.Equal("6-18-02-04", normalizer.Suggest("诚聘焊工", 2)[1].Code);
        Assert.Equal("6-18-02-04", new TitleNormalizer(TaxonomyCatalog.Default, twice[..1]).Normalize("诚聘焊工").Code);
    }

    [Fact]
    public void Filings_that_disagree_or_only_name_a_group_of_the_answer_leave_the_words_answer()
    {
        LabelledTitle[] split = [new("焊工", "6-18-02-05"), new("急招焊工", "6-18-02-05"), new("焊工（包吃住）", "6-18-02-01"), new("焊工/双休", "6-18-02-01")];
        LabelledTitle[] group = [new("急招焊工", "6-18-02-00"), new("焊工（包吃住）", "6-18-02-00")];

        Assert.Equal("6-18-02-04", new TitleNormalizer(TaxonomyCatalog.Default, split).Normalize("焊工").Code);
        Assert.Equal("6-18-02-04", new TitleNormalizer(TaxonomyCatalog.Default, group).Normalize("焊工").Code);
    }

    [Fact]
    public void Labelled_titles_make_a_group_answer_precise_with_the_member_people_choose()
    {
        LabelledTitle[] teachersOfOtherSubjects = [new("舞蹈教师", "2-08-99-00"), new("钢琴教师", "2-08-99-00")];
        var withoutLabels = new TitleNormalizer(TaxonomyCatalog.Default, []).Normalize("音乐教师");
        Assert.Equal("2-08-00-00", withoutLabels.Code);   // 教学人员: the words name teaching, not which kind

        var learned = new TitleNormalizer(TaxonomyCatalog.Default, teachersOfOtherSubjects).Normalize("音乐教师");

        Assert.Equal("2-08-99-00", learned.Code);
        Assert.Equal(withoutLabels.Score, learned.Score);
    }

    [Fact]
    public void A_group_that_an_everyday_title_of_the_lexicon_names_stays_whatever_the_labels_say()
    {
        // 操作工 is filed under 6-00-00-00 生产制造及有关人员 by the recruiting lexicon itself.
        LabelledTitle[] operatorsAsTurners = [new("数控车间操作工", "6-18-01-01"), new("车床车间操作工", "6-18-01-01")];

        Assert.Equal("6-00-00-00", new TitleNormalizer(TaxonomyCatalog.Default, operatorsAsTurners).Normalize("无尘车间操作工").Code);
    }

    [Fact]
    public void A_group_answer_the_words_are_sure_of_stays_whatever_the_labels_say()
    {
        LabelledTitle[] electricalEngineers = [new("机械电气工程师", "2-02-11-01"), new("电气设备工程师", "2-02-11-01")];
        var sure = new TitleNormalizer(TaxonomyCatalog.Default, []).Normalize("电气工程师");
        Assert.True(sure is { Code: "2-02-11-00", Score: >= 0.5 }, $"{sure}");

        Assert.Equal("2-02-11-00", new TitleNormalizer(TaxonomyCatalog.Default, electricalEngineers).Normalize("电气工程师").Code);
    }

    [Fact]
    public void Labelled_titles_never_bring_in_a_candidate_the_words_did_not_find()
    {
        var filedAsWelders = OperationsPostsFiledAsMarketing.Select(t => t with { Code = "6-18-02-04" }).ToList();
        var withoutLabels = new TitleNormalizer(TaxonomyCatalog.Default, []);
        var withLabels = new TitleNormalizer(TaxonomyCatalog.Default, filedAsWelders);

        Assert.DoesNotContain(withoutLabels.Suggest("平台运营岗", 200), m => m.Code.StartsWith("6-18-02", StringComparison.Ordinal));
        Assert.Equal(withoutLabels.Normalize("平台运营岗").Code, withLabels.Normalize("平台运营岗").Code);
    }

    [Fact]
    public void A_title_is_measured_by_a_normalizer_that_did_not_learn_it()
    {
        LabelledTitle[] labelled = [new("平台运营岗", "2-06-07-04"), new("平台运营岗", "2-06-07-04"), new("平台运营岗", "2-06-07-04")];
        var learnedIt = new TitleNormalizer(TaxonomyCatalog.Default, labelled);
        Assert.Equal("2-06-07-04", learnedIt.Normalize("平台运营岗").Code);

        var measured = TitleAccuracy.MeasureUnlearned(TaxonomyCatalog.Default, [("平台运营岗", "2-06-07-04"), ("焊工", "6-18-02-04")], labelled);

        Assert.Equal(2, measured.Count);
        Assert.Equal(0.5, measured.Exact);   // 焊工 right; 平台运营岗 normalized without its labels, as 4-13-01-05
        Assert.Equal(0.5, measured.Major);
    }

    [Fact]
    public void The_embedded_labelled_titles_are_loaded_with_their_codes()
    {
        var titles = LabelledTitles.Embedded;

        Assert.True(titles.Count >= 990, $"only {titles.Count} labelled titles");
        Assert.All(titles, t => Assert.True(OccupationCode.IsWellFormed(t.Code), $"{t.Title}: {t.Code}"));
        Assert.Contains(titles, t => t.Title == "鑫盾辐射招聘木工" && t.Code == "6-06-03-01");
    }
}
