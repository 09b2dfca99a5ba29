using Gongjiang.Core.Taxonomy;
using Gongjiang.Matching.Titles;

namespace Gongjiang.Matching.Tests.Titles;

public sealed class TitleNormalizerFixture
{
    public TitleNormalizer Normalizer { get; } = new(TaxonomyCatalog.Default);
}

public sealed class TitleNormalizerTests(TitleNormalizerFixture fixture) : IClassFixture<TitleNormalizerFixture>
{
    private readonly TitleNormalizer _normalizer = fixture.Normalizer;

    [Theory]
    [InlineData("焊工", "6-18-02-04")]
    [InlineData("电工", "6-31-01-03")]
    [InlineData("车工", "6-18-01-01")]
    [InlineData("保安", "4-07-05-01")]
    [InlineData("保洁", "4-09-08-01")]
    [InlineData("收银员", "4-01-02-04")]
    [InlineData("叉车司机", "6-30-05-01")]
    [InlineData("外卖骑手", "4-10-08-01")]
    [InlineData("Java开发工程师", "2-02-10-03")]
    [InlineData("质检员", "6-31-03-05")]
    public void Common_recruiting_titles_get_their_occupation(string title, string code)
    {
        var match = _normalizer.Normalize(title);

        Assert.Equal(code, match.Code);
        Assert.False(match.IsCoarse);
    }

    [Theory]
    [InlineData("焊工（五险一金，包住）")]
    [InlineData("急聘焊工 8k-12k 双休")]
    [InlineData("【高薪诚聘】焊工/月入1W+/包吃包住")]
    [InlineData("焊工 7500+ 五险一金 提供食宿")]
    public void Pay_and_benefits_do_not_change_the_code(string title)
    {
        Assert.Equal(_normalizer.Normalize("焊工").Code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("青岛市保安员", "4-07-05-01")]
    [InlineData("汕头酒店保安", "4-07-05-01")]
    [InlineData("销售代表（衢州地区）", "4-01-02-01")]
    [InlineData("收银员-深圳", "4-01-02-04")]
    public void Places_are_not_read_as_part_of_the_title(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("贵州吉祥箱包有限公司招聘车工", "6-18-01-01")]
    [InlineData("鑫盾辐射招聘木工", "6-06-03-01")]
    [InlineData("阜阳方德商贸有限公司招聘保安", "4-07-05-01")]
    public void Company_names_before_the_recruiting_verb_are_ignored(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Fact]
    public void A_recruiting_word_inside_a_title_is_kept()
    {
        Assert.Equal("4-07-03-08", _normalizer.Normalize("招聘专员").Code);
    }

    [Fact]
    public void Several_titles_in_one_are_answered_by_the_first()
    {
        Assert.Equal("6-18-01-01", _normalizer.Normalize("车工/铣工").Code);
        var suggestions = _normalizer.Suggest("车工/铣工", 5).Select(s => s.Code).ToList();
        Assert.Contains("6-18-01-02", suggestions);
    }

    [Fact]
    public void A_grade_after_the_teacher_goes_to_that_school_level()
    {
        Assert.Equal("2-08-02-01", _normalizer.Normalize("高中数学老师").Code);
        Assert.Equal("2-08-02-04", _normalizer.Normalize("小学语文教师").Code);
    }

    [Fact]
    public void A_rank_after_the_field_keeps_the_field()
    {
        Assert.Equal("2-06-03-00", _normalizer.Normalize("财务副总监").Code);
    }

    [Theory]
    [InlineData("教学经理", "2-08")]
    [InlineData("数据治理总监", "2-02")]
    [InlineData("核算主管", "2-06")]
    public void A_rank_after_a_field_word_keeps_the_field_rather_than_an_executive(string title, string middle)
    {
        Assert.StartsWith(middle, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("物流部经理", "2-02-30-02")]
    [InlineData("物业经理", "2-06-07-10")]
    [InlineData("采购经理", "2-06-07-15")]
    [InlineData("物流专员", "4-02-06-03")]
    [InlineData("物业管家", "4-06-01-01")]
    [InlineData("采购专员", "4-01-01-00")]
    public void A_manager_of_a_field_is_a_professional_while_the_staff_serve(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("文员", "3-01-02-05")]
    [InlineData("统计员", "3-01-01-03")]
    [InlineData("跟单文员", "3-01-02-02")]
    public void Office_clerks_get_their_clerical_occupation(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("跟单员")]
    [InlineData("生产跟单")]
    public void Following_orders_through_production_is_production_support(string title)
    {
        Assert.Equal("6-31-99-00", _normalizer.Normalize(title).Code);
    }

    [Fact]
    public void A_department_word_is_read_as_a_rank()
    {
        Assert.StartsWith("4-", _normalizer.Normalize("客服中心主管").Code);
        Assert.StartsWith("2-02", _normalizer.Normalize("研发中心经理").Code);
    }

    [Fact]
    public void A_later_part_that_is_only_a_rank_joins_the_field_before_it()
    {
        Assert.StartsWith("2-08", _normalizer.Normalize("教学主管/经理").Code);
    }

    [Theory]
    [InlineData("销售副总经理")]
    [InlineData("销售总经理")]
    [InlineData("业务主管")]
    public void Senior_sales_ranks_are_marketing_professionals(string title)
    {
        Assert.Equal("2-06-07-02", _normalizer.Normalize(title).Code);
    }

    [Fact]
    public void A_bare_rank_is_an_executive()
    {
        Assert.Equal("1-06-01-02", _normalizer.Normalize("总经理").Code);
        Assert.Equal("1-06-01-02", _normalizer.Normalize("经理").Code);
    }

    [Fact]
    public void Unknown_modifiers_keep_the_head_noun()
    {
        Assert.Equal("6-18-02-04", _normalizer.Normalize("不锈钢氩弧焊工").Code);
        Assert.StartsWith("6-", _normalizer.Normalize("线束装配工").Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🔥🔥🔥")]
    [InlineData("!!!???")]
    [InlineData("asdfgh qwerty")]
    [InlineData("12345")]
    public void Input_without_a_title_gets_a_low_confidence_coarse_answer(string? title)
    {
        var match = _normalizer.Normalize(title);

        Assert.True(OccupationCode.IsWellFormed(match.Code));
        Assert.True(match.IsCoarse);
        Assert.True(match.Score < 0.2, $"score {match.Score}");
    }

    [Fact]
    public void Very_long_input_is_answered_without_error()
    {
        var title = string.Concat(Enumerable.Repeat("急聘焊工五险一金包吃住🔥", 50));

        var match = _normalizer.Normalize(title);

        Assert.Equal("6-18-02-04", match.Code);
    }

    [Fact]
    public void Latin_titles_are_recognised()
    {
        Assert.Equal("2-02-10-03", _normalizer.Normalize("Python Developer").Code);
        Assert.Equal("6-18-01-07", _normalizer.Normalize("CNC").Code);
    }

    [Fact]
    public void A_vague_title_falls_back_to_a_group()
    {
        var match = _normalizer.Normalize("工程师");

        Assert.True(match.IsCoarse);
        Assert.EndsWith("-00", match.Code);
        Assert.StartsWith("2-", match.Code);
    }

    [Fact]
    public void Scores_are_confidences_between_zero_and_one()
    {
        foreach (var title in new[] { "焊工", "工程师", "销售经理", "🔥", "药品OTC控销省区经理", "x" })
        {
            var match = _normalizer.Normalize(title);
            Assert.InRange(match.Score, 0, 1);
        }
        Assert.True(_normalizer.Normalize("焊工").Score > _normalizer.Normalize("工程师").Score);
    }

    [Fact]
    public void Names_are_shown_without_the_classification_markers()
    {
        var match = _normalizer.Normalize("保洁");

        Assert.Equal("保洁员", match.Name);
    }

    [Fact]
    public void Suggestions_are_distinct_and_best_first()
    {
        var suggestions = _normalizer.Suggest("电气工程师", 5);

        Assert.InRange(suggestions.Count, 1, 5);
        Assert.Equal(_normalizer.Normalize("电气工程师").Code, suggestions[0].Code);
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Code).Distinct().Count());
        Assert.True(suggestions.Zip(suggestions.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Every_code_given_is_a_code_of_the_catalog()
    {
        var catalog = TaxonomyCatalog.Default;
        foreach (var title in new[] { "普工", "操作工", "文员", "会计", "司机", "客服", "前台", "仓管", "维修", "机修", "程序员", "前端", "产品经理", "店长", "导购", "厨师", "工程师", "🔥" })
            Assert.NotNull(catalog.FindOccupation(_normalizer.Normalize(title).Code));
    }

    [Fact]
    public void Concurrent_calls_give_the_same_answers()
    {
        var titles = new[] { "焊工", "销售代表", "数控车工", "保安", "会计", "Java开发" };
        var expected = titles.Select(t => _normalizer.Normalize(t).Code).ToArray();

        var results = titles.SelectMany(_ => titles).AsParallel().WithDegreeOfParallelism(4)
            .Select(t => (t, _normalizer.Normalize(t).Code)).ToList();

        foreach (var (title, code) in results) Assert.Equal(expected[Array.IndexOf(titles, title)], code);
    }

    [Theory]
    [InlineData("营销助理", "4-01-02-01")]
    [InlineData("建材业务专员", "4-01-02-01")]
    [InlineData("渠道推广专员", "4-01-02-01")]
    [InlineData("渠道推广主管", "2-06-07-02")]
    [InlineData("建材业务主管", "2-06-07-02")]
    [InlineData("营运总监", "2-06-07-02")]
    [InlineData("采购部长", "2-06-07-15")]
    [InlineData("物流部主管", "2-02-30-02")]
    public void A_business_field_with_a_rank_names_the_occupation_at_that_rank(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("京东运营助理", "4-01-06-01")]
    [InlineData("拼多多运营助理", "4-01-06-01")]
    public void A_specific_term_followed_by_a_junior_rank_keeps_the_specific_term(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("快手编导", "4-13-01-05")]
    [InlineData("小红书剪辑", "4-13-01-05")]
    [InlineData("视频号策划", "4-13-01-05")]
    public void Content_work_for_a_short_video_channel_is_full_media_operation(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("电商平台运营助理", "4-01-06-01")]
    [InlineData("拼多多平台运营专员", "4-01-06-01")]
    [InlineData("网店日常运营助理", "4-01-06-01")]
    [InlineData("自营商城运营主管", "4-01-06-01")]
    public void Operations_of_a_shopping_platform_or_shop_is_e_commerce_work(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
        Assert.Equal("4-13-01-05", _normalizer.Normalize("社区平台运营专员").Code);
    }

    [Theory]
    [InlineData("选矿工程师", "2-02-03-04")]       // 选矿与矿物加工工程技术人员
    [InlineData("港口工程师", "2-02-18-09")]       // 港口与航道工程技术人员
    [InlineData("市政道路工程师", "2-02-18-08")]   // 道路与桥隧工程技术人员
    public void An_engineer_of_the_first_field_of_a_joined_name_is_that_occupation(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("海外销售总监", "2-06-07-01")]
    [InlineData("进出口业务主管", "2-06-07-01")]
    [InlineData("出口业务经理", "2-06-07-01")]
    public void Selling_abroad_at_any_rank_is_international_business(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
        Assert.Equal("2-06-07-02", _normalizer.Normalize("海外市场总监").Code);
    }

    [Fact]
    public void A_channel_before_a_more_specific_field_leaves_the_field()
    {
        Assert.Equal("4-01-06-01", _normalizer.Normalize("抖音电商运营").Code);
        Assert.Equal("2-09-01-06", _normalizer.Normalize("编导").Code);
    }

    [Theory]
    [InlineData("电话客服（不带销售）", "4-04-05-03")]
    [InlineData("非销售岗 客服专员", "4-04-05-03")]
    [InlineData("行政内勤/不跑业务", "3-01-01-01")]
    public void What_the_title_says_the_job_is_not_does_not_count(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("水泵维修师傅")]
    [InlineData("冷干机检修")]
    public void Repair_of_a_machine_is_machine_repair_work(string title)
    {
        Assert.StartsWith("6-31-01", _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("餐饮/酒店渠道主管", "2-06-07-02")]
    [InlineData("淘宝/天猫运营助理", "4-01-06-01")]
    public void A_field_word_before_a_slash_shares_the_head_after_it(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Fact]
    public void Parallel_titles_split_by_a_slash_stay_separate_and_the_first_decides()
    {
        Assert.Equal("6-18-01-01", _normalizer.Normalize("车工/铣工").Code);
        Assert.Equal("6-18-01-02", _normalizer.Normalize("铣工/车工").Code);
    }

    [Fact]
    public void Bracketed_context_reranks_but_never_names_the_job_by_itself()
    {
        // 数字营销 names the job; the bracket (a product line) must not replace it.
        Assert.Equal("4-01-06-02", _normalizer.Normalize("数字营销专员（外资特医食品）").Code);
        // Brackets alone are still read when nothing is outside them.
        Assert.Equal("6-18-02-04", _normalizer.Normalize("（焊工）").Code);
    }

    [Theory]
    [InlineData("汽车金融客户经理", "2-06-09-04")]
    [InlineData("银行客户经理", "4-05-01-03")]
    public void An_account_manager_is_named_by_the_field_before_it(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("设计师", "4-08-08-00")]
    [InlineData("资深设计师", "4-08-08-00")]
    [InlineData("包装设计师", "4-08-08-09")]
    public void A_group_term_keeps_its_group_unless_a_member_is_named(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Theory]
    [InlineData("贴片工", "6-25-04-07")]
    [InlineData("光刻工程师", "2-02-38-09")]
    [InlineData("FAE工程师", "2-02-09-02")]
    [InlineData("3D打印", "6-18-01-13")]
    [InlineData("机修师傅", "6-31-01-00")]
    public void High_tech_manufacturing_titles_get_their_occupation(string title, string code)
    {
        Assert.Equal(code, _normalizer.Normalize(title).Code);
    }

    [Fact]
    public void Random_separators_brackets_and_fragments_never_break_the_normalizer()
    {
        var random = new Random(20261122);
        string[] pieces = ["焊", "工", "销售", "/", "（", "）", "(", ")", "【", "】", "-", " ", "经理", "客户经理", "5k", "😀", "a", "餐饮", "/", "、", "招聘", "急"];
        for (var i = 0; i < 2_000; i++)
        {
            var title = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var suggestions = _normalizer.Suggest(title, 3);

            Assert.NotEmpty(suggestions);
            Assert.All(suggestions, m => Assert.True(OccupationCode.IsWellFormed(m.Code) && m.Score is >= 0 and <= 1, $"{title} → {m.Code} {m.Score}"));
        }
    }
}
