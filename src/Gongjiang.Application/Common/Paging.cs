using Gongjiang.Application.Common.Results;

namespace Gongjiang.Application.Common;

/// <summary>
/// The bounds every paged list of the API shares: <c>page</c> 1–10,000 and <c>pageSize</c> 1–100. A value outside them is
/// refused with the field named (<c>input.between</c>), never quietly clamped, so a caller learns the rule.
/// </summary>
public static class Paging
{
    public const int MaxPage = 10_000;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    public static ErrorList Check(ErrorList errors, int page, int pageSize, string pageField = "page", string pageSizeField = "pageSize")
    {
        if (page is < 1 or > MaxPage) errors.Add(pageField, InputErrors.Between, 1, MaxPage);
        if (pageSize is < 1 or > MaxPageSize) errors.Add(pageSizeField, InputErrors.Between, 1, MaxPageSize);
        return errors;
    }
}
