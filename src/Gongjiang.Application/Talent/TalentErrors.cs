namespace Gongjiang.Application.Talent;

/// <summary>Codes of the seeker profile's errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class TalentErrors
{
    /// <summary>The signed-in user has no profile yet.</summary>
    public const string NoProfile = "talent.no_profile";
    public const string SaveFirst = "talent.save_first";
    public const string NotYears = "talent.not_years";
    public const string NotEmail = "talent.not_email";
    public const string NotYear = "talent.not_year";
    public const string PhoneTaken = "talent.phone_taken";
    public const string PhoneChangeNeedsCode = "talent.phone_change_needs_code";
}
