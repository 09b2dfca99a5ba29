namespace Gongjiang.Core.Compliance;

/// <summary>The outcome of checking a 统一社会信用代码: valid, or the first problem found in Chinese and English.</summary>
/// <param name="Normalized">The code as it should be stored (trimmed, half-width, upper case); null when it was empty.</param>
/// <param name="ExpectedCheckCharacter">When only the 18th character is wrong: the character it should be.</param>
public sealed record UsccCheck(bool IsValid, string? Reason, string? Normalized, char? ExpectedCheckCharacter = null)
{
    public static UsccCheck Ok(string code) => new(true, null, code);
    public static UsccCheck Fail(string reason, string? normalized, char? expected = null) => new(false, reason, normalized, expected);
}

/// <summary>
/// 统一社会信用代码 per GB 32100-2015: 18 characters —
/// 1 registration authority (登记管理部门), 2 organisation type (机构类别), 3–8 administrative division of the
/// registering office (登记管理机关行政区划码), 9–17 organisation code (主体标识码, itself check-summed per GB 11714),
/// 18 check character (weights 3^(i-1) mod 31 over the 31-character alphabet).
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const int Length = 18;

    /// <summary>The code alphabet: digits and upper-case letters without I, O, S, V, Z (easily misread).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Registration authorities (GB 32100-2015 附录 A) and the organisation types each may issue.</summary>
    private static readonly Dictionary<char, (string Name, string Types)> Authorities = new()
    {
        ['1'] = ("机构编制", "1239"),
        ['2'] = ("外交", "19"),
        ['3'] = ("司法行政", "123459"),
        ['4'] = ("文化", "19"),
        ['5'] = ("民政", "1239"),
        ['6'] = ("旅游", "129"),
        ['7'] = ("宗教", "129"),
        ['8'] = ("工会", "19"),
        ['9'] = ("工商", "123"),
        ['A'] = ("中央军委改革和编制办公室", "19"),
        ['N'] = ("农业", "1239"),
        ['Y'] = ("其他", "1"),
    };

    /// <summary>Province-level prefixes of GB/T 2260, plus 10 for registrations at national level (100000).</summary>
    private static readonly HashSet<int> ProvincePrefixes =
        [10, 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82];

    public static bool IsValid(string? code) => Validate(code).IsValid;

    public static UsccCheck Validate(string? code)
    {
        var normalized = Normalize(code);
        if (normalized.Length == 0)
            return UsccCheck.Fail("统一社会信用代码为空 / The unified social credit code is empty", null);
        if (normalized.Length != Length)
            return UsccCheck.Fail(
                $"统一社会信用代码应为18位，实为{normalized.Length}位 / The code must be 18 characters long, got {normalized.Length}",
                normalized);

        for (var i = 0; i < Length; i++)
        {
            if (Alphabet.Contains(normalized[i], StringComparison.Ordinal)) continue;
            return UsccCheck.Fail(
                $"第{i + 1}位字符“{normalized[i]}”不合法（只允许数字和除I、O、S、V、Z以外的大写字母） / " +
                $"Illegal character '{normalized[i]}' at position {i + 1} (digits and capital letters except I, O, S, V, Z)",
                normalized);
        }

        if (!Authorities.TryGetValue(normalized[0], out var authority))
            return UsccCheck.Fail(
                $"第1位登记管理部门代码“{normalized[0]}”不存在 / Unknown registration authority code '{normalized[0]}' at position 1",
                normalized);
        if (!authority.Types.Contains(normalized[1], StringComparison.Ordinal))
            return UsccCheck.Fail(
                $"第2位机构类别代码“{normalized[1]}”不属于登记管理部门“{authority.Name}”（可用：{string.Join("、", authority.Types.ToCharArray())}） / " +
                $"Organisation type '{normalized[1]}' at position 2 does not exist for registration authority '{normalized[0]}'",
                normalized);

        var division = normalized.AsSpan(2, 6);
        if (!IsDigits(division) || !ProvincePrefixes.Contains((division[0] - '0') * 10 + (division[1] - '0')))
            return UsccCheck.Fail(
                $"第3–8位登记管理机关行政区划码“{division}”无效 / Positions 3–8 '{division}' are not an administrative division code",
                normalized);

        var organisation = normalized.Substring(8, 9);
        var orgCheck = OrganisationCodeCheckCharacter(organisation.AsSpan(0, 8));
        if (orgCheck != organisation[8])
            return UsccCheck.Fail(
                $"第9–17位组织机构代码“{organisation}”校验码错误，第17位应为“{orgCheck}” / " +
                $"The organisation code '{organisation}' (positions 9–17) fails its GB 11714 check: position 17 should be '{orgCheck}'",
                normalized);

        var check = CheckCharacter(normalized.AsSpan(0, 17));
        if (check != normalized[17])
            return UsccCheck.Fail(
                $"校验码错误，第18位应为“{check}” / Check character should be '{check}' (position 18)",
                normalized, check);

        return UsccCheck.Ok(normalized);
    }

    /// <summary>Completes 17 characters into a full code with its check character.</summary>
    /// <exception cref="ArgumentException">Not 17 characters of the code alphabet.</exception>
    public static string WithCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        var normalized = Normalize(first17);
        if (normalized.Length != Length - 1)
            throw new ArgumentException($"Expected the first 17 characters of a code, got {normalized.Length}.", nameof(first17));
        return normalized + CheckCharacter(normalized);
    }

    /// <summary>The 18th character for the first 17 (GB 32100-2015 §5: C18 = 31 − Σ(Ci·Wi) mod 31).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1) throw new ArgumentException("Expected 17 characters.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0) throw new ArgumentException($"Illegal character '{first17[i]}' at position {i + 1}.", nameof(first17));
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>The 9th character of an organisation code (GB 11714-1997: C9 = 11 − Σ(Ci·Wi) mod 11; 10 → X, 11 → 0).</summary>
    public static char OrganisationCodeCheckCharacter(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8) throw new ArgumentException("Expected 8 characters.", nameof(first8));
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => throw new ArgumentException($"Illegal character '{c}' at position {i + 1}.", nameof(first8)),
            };
            sum += value * OrganisationCodeWeights[i];
        }
        return (11 - sum % 11) switch { 10 => 'X', 11 => '0', var n => (char)('0' + n) };
    }

    /// <summary>Trims, folds full-width characters to ASCII and upper-cases, as codes are often typed or pasted.</summary>
    private static string Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "";
        Span<char> buffer = code.Length <= 64 ? stackalloc char[code.Length] : new char[code.Length];
        var n = 0;
        foreach (var raw in code.AsSpan().Trim())
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (c == '\u3000') c = ' ';
            buffer[n++] = char.ToUpperInvariant(c);
        }
        return new string(buffer[..n]).Trim();
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
