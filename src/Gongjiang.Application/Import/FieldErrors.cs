namespace Gongjiang.Application.Import;

/// <summary>Validation outcome of mapping an incoming record: the value, or errors keyed by the file's field names.</summary>
public sealed class Mapped<T> where T : class
{
    public T? Value { get; init; }
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>All errors as one line, e.g. "salary: min 9000 is greater than max 8000; city: unknown city code '999999'".</summary>
    public string? Error => Errors.Count == 0 ? null : string.Join("; ", Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));

    public void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
