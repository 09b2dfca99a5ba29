using System.Buffers;

namespace Gongjiang.Market;

/// <summary>
/// Builds 统一社会信用代码 (GB 32100-2015) for generated employers: registration authority, entity category,
/// the 6-digit division code, a 9-character organization code (GB 11714 with its own check character)
/// and the final check character.
/// </summary>
internal static class CreditCode
{
    // GB 32100 charset: digits and capitals without I, O, Z, S, V; a character's value is its index.
    internal const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly SearchValues<char> CharsetValues = SearchValues.Create(Charset);
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The 18th character for a 17-character body.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> body17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Charset.IndexOf(body17[i]);
            if (v < 0) throw new ArgumentException($"'{body17[i]}' is not a credit-code character.", nameof(body17));
            sum += v * Weights[i];
        }
        return Charset[(31 - sum % 31) % 31];
    }

    public static bool HasValidCheckCharacter(string? code) =>
        code is { Length: 18 } && code.AsSpan(0, 17).IndexOfAnyExcept(CharsetValues) < 0 && CharsetValues.Contains(code[17])
        && CheckCharacter(code.AsSpan(0, 17)) == code[17];

    /// <summary>GB 11714 check character of an 8-character organization code body (digits and capitals, A=10 … Z=35).</summary>
    public static char OrganizationCheck(ReadOnlySpan<char> body8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            var v = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * OrgWeights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    /// <summary>A unique code for employer number <paramref name="serial"/> (distinct serials give distinct codes).</summary>
    public static string For(long serial, string divisionCode, bool newStyle)
    {
        Span<char> code = stackalloc char[18];
        code[0] = '9'; // 工商 registration
        code[1] = '1'; // enterprise
        for (var i = 0; i < 6; i++) code[2 + i] = divisionCode[i];
        if (newStyle)
        {
            // Post-2015 registrations: "MA" and six characters of the charset.
            code[8] = 'M'; code[9] = 'A';
            var n = (serial * 7919 + 104729) % 887503681L; // 31^6, 7919 is coprime with it
            for (var i = 7; i >= 2; i--) { code[8 + i] = Charset[(int)(n % 31)]; n /= 31; }
        }
        else
        {
            // Older organizations keep their 8-digit organization code.
            var n = (serial * 7919 + 26_000_000) % 100_000_000L;
            for (var i = 7; i >= 0; i--) { code[8 + i] = (char)('0' + n % 10); n /= 10; }
        }
        code[16] = OrganizationCheck(code.Slice(8, 8));
        code[17] = CheckCharacter(code[..17]);
        return new string(code);
    }
}
