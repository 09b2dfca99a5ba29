namespace Gongjiang.Application.Common.Results;

/// <summary>The value of a use case that has nothing to return.</summary>
public sealed record Done
{
    public static readonly Done Value = new();
}

/// <summary>
/// What every use case answers: success with a value, or one or more <see cref="Error"/>s. The web app maps it to HTTP
/// and to forms in one place each; the command line prints its errors in English.
/// </summary>
public sealed class Result<T>
{
    private readonly T? value;

    private Result(T? value, IReadOnlyList<Error> errors)
    {
        this.value = value;
        Errors = errors;
    }

    public IReadOnlyList<Error> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>The value; reading it from a failed result is a programming error.</summary>
    public T Value => Succeeded ? value! : throw new InvalidOperationException($"The result failed: {string.Join("; ", Errors)}");

    /// <summary>The first error's kind decides the answer's status.</summary>
    public ErrorKind? FailureKind => Succeeded ? null : Errors[0].Kind;

    public static Result<T> Success(T value) => new(value, []);

    public static Result<T> Failure(IEnumerable<Error> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0) throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        return new(default, list);
    }

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => new(default, [error]);

    public static implicit operator Result<T>(ErrorList errors) => Failure(errors);

    /// <summary>The value turned into another, or the same errors.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) => Succeeded ? map(value!) : Result<TOut>.Failure(Errors);

    /// <summary>The same errors as a result of another type (only for a failed result).</summary>
    public Result<TOut> Cast<TOut>() =>
        Succeeded ? throw new InvalidOperationException("Only a failure can change its value type.") : Result<TOut>.Failure(Errors);

    public bool HasError(string code) => Errors.Any(e => e.Code == code);

    public override string ToString() => Succeeded ? $"ok: {value}" : string.Join("; ", Errors);
}
