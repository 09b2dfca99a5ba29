using System.Text.RegularExpressions;

namespace Gongjiang.Application.Identity;

/// <summary>What a user name may be, for every sign-up: 3–30 letters, digits, underscores or dashes.</summary>
public static partial class UserNames
{
    public static bool IsValid(string userName) => Pattern().IsMatch(userName);

    [GeneratedRegex("^[A-Za-z0-9_-]{3,30}$")]
    private static partial Regex Pattern();
}
