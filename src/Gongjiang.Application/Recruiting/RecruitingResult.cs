namespace Gongjiang.Application.Recruiting;

public enum RecruitingFailure { None, NotFound, Invalid, Illegal, Conflict, Limit }

/// <summary>
/// What came of a headhunting or campus command (the recruiting pipeline itself answers <c>Result&lt;T&gt;</c>). NotFound
/// also covers another party's record (its existence is not disclosed); Illegal is a refused state change; Conflict is a
/// lost race with another writer.
/// </summary>
public sealed record RecruitingResult<T>(T? Value, RecruitingFailure Failure = RecruitingFailure.None, string? Message = null)
{
    public bool Succeeded => Failure == RecruitingFailure.None;
    public static implicit operator RecruitingResult<T>(T value) => new(value);
}

internal static class Refuse
{
    public static RecruitingResult<T> NotFound<T>(string what) => new(default, RecruitingFailure.NotFound, what);
    public static RecruitingResult<T> Invalid<T>(string why) => new(default, RecruitingFailure.Invalid, why);
    public static RecruitingResult<T> Illegal<T>(string why) => new(default, RecruitingFailure.Illegal, why);
}
