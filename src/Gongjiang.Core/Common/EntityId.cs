using System.Security.Cryptography;

namespace Gongjiang.Core.Common;

/// <summary>
/// The platform's one id scheme: a kind prefix and a time-ordered, random suffix (E…, J…, T…).
/// Imported records keep the ids their files give them.
/// </summary>
public static class EntityId
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32

    public static string New(char prefix, TimeProvider clock)
    {
        Span<char> buffer = stackalloc char[17];
        buffer[0] = prefix;
        var millis = (ulong)clock.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 9; i >= 1; i--) { buffer[i] = Alphabet[(int)(millis & 31)]; millis >>= 5; }
        Span<byte> random = stackalloc byte[7];
        RandomNumberGenerator.Fill(random);
        for (var i = 0; i < 7; i++) buffer[10 + i] = Alphabet[random[i] & 31];
        return new string(buffer);
    }

    /// <summary>Ids from files and forms: 1–40 characters of letters, digits, '-' and '_'.</summary>
    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
