namespace Gongjiang.Application.Common.Results;

/// <summary>
/// What kind of failure an error is; the edges turn each kind into one HTTP status (see docs/architecture.md):
/// Invalid 400, Refused 422, NotFound 404, Forbidden 403, Conflict 409, TooMany 429.
/// </summary>
public enum ErrorKind
{
    /// <summary>The input does not pass its checks (a field is missing, too long, not a date …).</summary>
    Invalid,
    /// <summary>Well-formed input that a business rule refuses (not verified to publish, names differ, a file of the wrong kind).</summary>
    Refused,
    /// <summary>The record does not exist, or belongs to someone else (its existence is not disclosed).</summary>
    NotFound,
    /// <summary>The user may not do this at all.</summary>
    Forbidden,
    /// <summary>The record is not in a state that allows it (already answered, already exists, lost a race).</summary>
    Conflict,
    /// <summary>A quota or rate limit is used up.</summary>
    TooMany,
}

/// <summary>
/// One failure of a use case: a stable <paramref name="Code"/> whose message lives in the resources
/// (<c>ErrorMessages.resx</c>, zh-CN, and <c>ErrorMessages.en.resx</c>), the field it concerns (the file contract's
/// field names: <c>salary</c>, <c>skills[0].weight</c>) and the arguments of the message, kept apart from its text so
/// that nothing a user typed is ever used as a format string.
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string? Field, IReadOnlyList<object?> Args)
{
    /// <summary>Facts a client can act on besides the message (e.g. the screening flags of a refused posting).</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }

    public static Error Invalid(string field, string code, params object?[] args) => new(ErrorKind.Invalid, code, field, args);
    public static Error Refused(string code, params object?[] args) => new(ErrorKind.Refused, code, null, args);
    public static Error RefusedField(string field, string code, params object?[] args) => new(ErrorKind.Refused, code, field, args);
    public static Error NotFound(string code, params object?[] args) => new(ErrorKind.NotFound, code, null, args);
    public static Error Forbidden(string code, params object?[] args) => new(ErrorKind.Forbidden, code, null, args);
    public static Error Conflict(string code, params object?[] args) => new(ErrorKind.Conflict, code, null, args);
    public static Error TooMany(string code, params object?[] args) => new(ErrorKind.TooMany, code, null, args);

    /// <summary>The same error for another field (a form row that maps to a different file row).</summary>
    public Error ForField(string? field) => this with { Field = field };

    /// <summary>The message in English, for logs and the command line.</summary>
    public override string ToString() => ErrorText.English(this);
}
