namespace Gongjiang.Application.Jobs;

/// <summary>Codes of the job postings' errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class JobErrors
{
    public const string NotFound = "jobs.not_found";
    public const string NoEmployerAccount = "jobs.no_employer_account";
    public const string ExpiresBeforeToday = "jobs.expires_before_today";
    public const string ExtendBeforePublishing = "jobs.extend_before_publishing";
    public const string Expired = "jobs.expired";
    public const string TakenDown = "jobs.taken_down";
    public const string ScreeningBlocked = "jobs.screening_blocked";
    /// <summary>The occupation was read from the title and not yet confirmed by the poster (sending the code confirms it).</summary>
    public const string OccupationUnconfirmed = "jobs.occupation_unconfirmed";
    public const string UnknownBenefit = "jobs.unknown_benefit";
    public const string BenefitMatch = "jobs.benefit_match";
    public const string EmployerNotRegistered = "employer.not_registered";
}
