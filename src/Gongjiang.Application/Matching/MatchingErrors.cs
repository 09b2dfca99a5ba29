namespace Gongjiang.Application.Matching;

/// <summary>Codes of the recommendations' errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class MatchingErrors
{
    public const string NoAccount = "matching.no_account";
    public const string NoProfile = "matching.no_profile";
}
