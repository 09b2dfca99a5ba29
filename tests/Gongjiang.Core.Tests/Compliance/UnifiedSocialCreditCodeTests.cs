using Gongjiang.Core.Compliance;

namespace Gongjiang.Core.Tests.Compliance;

public sealed class UnifiedSocialCreditCodeTests
{
    // Published codes of well-known registrants (business licences are public).
    [Theory]
    [InlineData("91350100M000100Y43")] // the example code of GB 32100 commentary and many validators
    [InlineData("9144030071526726XG")] // 深圳市腾讯计算机系统有限公司 (organisation code check X)
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91330100799655058B")] // 阿里巴巴（中国）有限公司
    [InlineData("91110108551385082Q")] // 小米科技有限责任公司
    [InlineData("91110000802100433B")] // 北京百度网讯科技有限公司
    public void Published_codes_are_valid(string code)
    {
        var check = UnifiedSocialCreditCode.Validate(code);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(code, check.Normalized);
    }

    [Fact]
    public void A_wrong_check_character_names_the_right_one()
    {
        var check = UnifiedSocialCreditCode.Validate("91350100M000100Y44");
        Assert.False(check.IsValid);
        Assert.Equal('3', check.ExpectedCheckCharacter);
        Assert.Contains("第18位应为“3”", check.Reason);
        Assert.Contains("Check character should be '3'", check.Reason);
    }

    [Fact]
    public void Swapping_two_characters_is_caught()
    {
        // Adjacent transposition is the commonest typing error; the mod-31 weights catch it.
        Assert.False(UnifiedSocialCreditCode.IsValid("91350100M000010Y43"));
        Assert.False(UnifiedSocialCreditCode.IsValid("19350100M000100Y43"));
    }

    [Fact]
    public void Every_single_character_change_is_caught()
    {
        const string code = "9144030071526726XG";
        for (var i = 0; i < code.Length; i++)
            foreach (var c in UnifiedSocialCreditCode.Alphabet)
            {
                if (c == code[i]) continue;
                var mutated = code[..i] + c + code[(i + 1)..];
                Assert.False(UnifiedSocialCreditCode.IsValid(mutated), mutated);
            }
    }

    [Theory]
    [InlineData("", "为空")]
    [InlineData("91350100M000100Y4", "应为18位，实为17位")]
    [InlineData("91350100M000100Y433", "实为19位")]
    public void Length_problems_are_explained(string code, string reason) =>
        Assert.Contains(reason, UnifiedSocialCreditCode.Validate(code).Reason);

    [Theory]
    [InlineData("91350100M0001O0Y43", 14, 'O')]
    [InlineData("9135010IM000100Y43", 8, 'I')]
    [InlineData("91350100M000100Y4#", 18, '#')]
    public void An_illegal_character_is_reported_with_its_position(string code, int position, char c)
    {
        var reason = UnifiedSocialCreditCode.Validate(code).Reason!;
        Assert.Contains($"第{position}位字符“{c}”不合法", reason);
        Assert.Contains($"at position {position}", reason);
    }

    [Fact]
    public void An_unknown_registration_authority_is_rejected()
    {
        var code = UnifiedSocialCreditCode.WithCheckCharacter("B1350100M000100Y4");
        Assert.Contains("登记管理部门", UnifiedSocialCreditCode.Validate(code).Reason);
    }

    [Fact]
    public void An_organisation_type_the_authority_does_not_issue_is_rejected()
    {
        // 工商 (9) issues 1 企业, 2 个体工商户, 3 农民专业合作社 only.
        var code = UnifiedSocialCreditCode.WithCheckCharacter("94350100M000100Y4");
        Assert.Contains("机构类别", UnifiedSocialCreditCode.Validate(code).Reason);
    }

    [Fact]
    public void A_division_code_outside_any_province_is_rejected()
    {
        var code = UnifiedSocialCreditCode.WithCheckCharacter("91990100M000100Y4");
        Assert.Contains("行政区划码", UnifiedSocialCreditCode.Validate(code).Reason);
    }

    [Fact]
    public void The_embedded_organisation_code_must_pass_its_own_check()
    {
        // Valid outer check character, but the GB 11714 check of M000100Y should be 4, not 5.
        var code = UnifiedSocialCreditCode.WithCheckCharacter("91350100M000100Y5");
        var check = UnifiedSocialCreditCode.Validate(code);
        Assert.False(check.IsValid);
        Assert.Contains("第17位应为“4”", check.Reason);
    }

    [Fact]
    public void Codes_typed_in_lower_case_or_full_width_are_read_and_normalized()
    {
        var check = UnifiedSocialCreditCode.Validate(" ９１３５０１００ｍ000100y43 ");
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal("91350100M000100Y43", check.Normalized);
    }

    [Fact]
    public void Completing_seventeen_characters_gives_a_valid_code()
    {
        Assert.Equal("91350100M000100Y43", UnifiedSocialCreditCode.WithCheckCharacter("91350100M000100Y4"));

        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var body = new string(Enumerable.Range(0, 8).Select(_ => UnifiedSocialCreditCode.Alphabet[random.Next(UnifiedSocialCreditCode.Alphabet.Length)]).ToArray());
            var organisation = body + UnifiedSocialCreditCode.OrganisationCodeCheckCharacter(body);
            var code = UnifiedSocialCreditCode.WithCheckCharacter("91370211" + organisation);
            Assert.True(UnifiedSocialCreditCode.IsValid(code), code);
        }
    }

    [Fact]
    public void Completing_rejects_input_that_is_not_seventeen_code_characters()
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.WithCheckCharacter("9135"));
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.WithCheckCharacter("91350100M0001O0Y4"));
    }
}
