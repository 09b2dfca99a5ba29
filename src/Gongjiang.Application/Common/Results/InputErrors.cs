namespace Gongjiang.Application.Common.Results;

/// <summary>Codes of the input checks every feature shares (messages in ErrorMessages.resx).</summary>
public static class InputErrors
{
    public const string Required = "input.required";
    public const string TooLong = "input.too_long";
    public const string InvalidId = "input.invalid_id";
    public const string UnknownOccupation = "input.unknown_occupation";
    public const string UnknownCity = "input.unknown_city";
    public const string UnknownMajor = "input.unknown_major";
    public const string UnknownEducation = "input.unknown_education";
    public const string UnknownStatus = "input.unknown_status";
    public const string Between = "input.between";
    public const string MinOverMax = "input.min_over_max";
    public const string PayRangeRequired = "input.pay_range_required";
    public const string PayPositive = "input.pay_positive";
    public const string NotNegative = "input.not_negative";
    public const string BeforePosted = "input.before_posted";
    public const string NotDate = "input.not_date";
    public const string BeforeRegistered = "input.before_registered";
    public const string NotPhone = "input.not_phone";
    public const string Grade = "input.grade";
    public const string GradeOrNone = "input.grade_or_none";
    public const string Gender = "input.gender";
    public const string ImplausibleBirthYear = "input.implausible_birth_year";
    public const string ImplausibleYear = "input.implausible_year";
    public const string NotInteger = "input.not_integer";
    public const string NotNumber = "input.not_number";
    public const string Percent = "input.percent";
    public const string GradeChoice = "input.grade_choice";
    public const string NotOccupationCode = "input.not_occupation_code";
    public const string NotRegionCode = "input.not_region_code";
    public const string NotMajorCode = "input.not_major_code";
}
