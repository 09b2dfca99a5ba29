namespace Gongjiang.Application.Reports;

/// <summary>Codes of the operators' reports (messages in ErrorMessages.resx).</summary>
public static class ReportErrors
{
    public const string NotDate = "reports.not_date";
    public const string FromAfterTo = "reports.from_after_to";
    public const string RangeTooLong = "reports.range_too_long";
    public const string NotMonth = "reports.not_month";
}
