using System.Globalization;
using System.Reflection;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Sharing;
using Gongjiang.Application.Talent;

namespace Gongjiang.Application.Tests.Sharing;

/// <summary>Every error of sharing, the seeker's profile and accounts has its words in Chinese and in English.</summary>
public sealed class SharingErrorTextTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var type in new[] { typeof(SharingErrors), typeof(TalentErrors), typeof(AccountErrors) })
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                data.Add((string)field.GetRawConstantValue()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_code_has_a_message_in_both_languages(string code)
    {
        var chinese = ErrorText.Template(code, CultureInfo.GetCultureInfo("zh-CN"));
        var english = ErrorText.Template(code, CultureInfo.GetCultureInfo("en"));
        Assert.False(string.IsNullOrWhiteSpace(chinese), code);
        Assert.False(string.IsNullOrWhiteSpace(english), code);
        Assert.NotEqual(chinese, english);
    }

    [Fact]
    public void The_daily_limit_names_the_limit()
    {
        var error = Error.TooMany(SharingErrors.DailyLimit, 30);
        Assert.Equal("今日联系方式申请已达上限（每家企业每天 30 次），请明天再试。", ErrorText.For(error, CultureInfo.GetCultureInfo("zh-CN")));
    }
}
