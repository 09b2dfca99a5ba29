using System.Collections;

namespace Gongjiang.Application.Common.Results;

/// <summary>
/// Collects the errors of one validation pass: the one way input is checked, in use cases and in the file-record
/// mappers shared by the command line, the browser import and the API.
/// </summary>
public sealed class ErrorList : IReadOnlyList<Error>
{
    private readonly List<Error> errors = [];

    public int Count => errors.Count;

    public Error this[int index] => errors[index];

    public bool IsEmpty => errors.Count == 0;

    /// <summary>An input error on a field.</summary>
    public ErrorList Add(string field, string code, params object?[] args) => Add(Error.Invalid(field, code, args));

    public ErrorList Add(Error error)
    {
        // The same message twice on one field says nothing new.
        if (!errors.Any(e => e.Code == error.Code && e.Field == error.Field && e.Args.SequenceEqual(error.Args))) errors.Add(error);
        return this;
    }

    public ErrorList AddRange(IEnumerable<Error> more)
    {
        foreach (var e in more) Add(e);
        return this;
    }

    public bool Has(string field) => errors.Any(e => e.Field == field);

    public IEnumerator<Error> GetEnumerator() => errors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
