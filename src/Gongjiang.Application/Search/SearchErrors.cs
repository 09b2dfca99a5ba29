namespace Gongjiang.Application.Search;

/// <summary>Codes of the job and talent searches' filter checks (messages in ErrorMessages.resx).</summary>
public static class SearchErrors
{
    public const string UnknownSort = "search.unknown_sort";
    public const string UnknownTalentSort = "search.unknown_talent_sort";
    public const string UnknownPosted = "search.unknown_posted";
    public const string UnknownOccupation = "search.unknown_occupation";
    public const string UnknownCity = "search.unknown_city";
    public const string UnknownEducation = "search.unknown_education";
}
