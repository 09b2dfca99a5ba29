using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongjiang.Application.Privacy;

/// <summary>
/// Encryption at rest of personal information (《个人信息保护法》第五十一条): AES-256-GCM with a versioned key ring kept
/// outside the database, in a key file readable by its owner only. Every ciphertext names the key that sealed it
/// (<c>gk{id}:{base64(nonce|ciphertext|tag)}</c>), so old keys keep decrypting while a rotation re-encrypts rows.
/// Lookups go through a blind index: HMAC-SHA256 of the normalised value under a separate, never-rotated key.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12, TagSize = 16, KeySize = 32;
    private static readonly ConcurrentDictionary<string, PersonalDataProtector> ByFile = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private KeyFileContent? _ring;

    private PersonalDataProtector(string keyFile) => KeyFile = keyFile;

    public string KeyFile { get; }

    /// <summary>The protector for a key file; one per file and process, so every context over that file shares it.</summary>
    public static PersonalDataProtector ForFile(string keyFile) =>
        ByFile.GetOrAdd(Path.GetFullPath(keyFile), path => new PersonalDataProtector(path));

    /// <summary>The id of the key new values are sealed with.</summary>
    public int CurrentKeyId => Ring.Current;

    public IReadOnlyList<int> KeyIds => Ring.Keys.Select(k => k.Id).ToList();

    /// <summary>The prefix every value sealed with the current key starts with.</summary>
    public string CurrentPrefix => Prefix(CurrentKeyId);

    public static string Prefix(int keyId) => $"gk{keyId}:";

    public string Protect(string plain)
    {
        var ring = Ring;
        var key = ring.Key(ring.Current);
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagSize))
            aes.Encrypt(nonce, plainBytes, sealedBytes.AsSpan(NonceSize, plainBytes.Length), sealedBytes.AsSpan(NonceSize + plainBytes.Length));
        return Prefix(ring.Current) + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Opens a sealed value. A value without the key prefix is a row written before encryption and is returned as is
    /// (the next key rotation seals it).</summary>
    public string Unprotect(string stored)
    {
        if (!TryParse(stored, out var keyId, out var payload)) return stored;
        var key = KeyOrReload(keyId);
        var sealedBytes = Convert.FromBase64String(payload);
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException("A sealed value is truncated.");
        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using (var aes = new AesGcm(key, TagSize))
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key id a stored value was sealed with, or null for a value stored in clear.</summary>
    public static int? KeyIdOf(string? stored) => stored is not null && TryParse(stored, out var id, out _) ? id : null;

    /// <summary>HMAC-SHA256 of the normalised phone number, for equality lookups without storing the number.</summary>
    public string? PhoneIndex(string? phone) => NormalizePhone(phone) is { } p ? Index("phone:" + p) : null;

    /// <summary>HMAC-SHA256 of the normalised 居民身份证号码.</summary>
    public string? IdNumberIndex(string? idNumber) => NormalizeIdNumber(idNumber) is { } n ? Index("id:" + n) : null;

    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        digits = digits.Replace("+", "", StringComparison.Ordinal);
        return digits.Length == 0 ? null : digits;
    }

    public static string? NormalizeIdNumber(string? idNumber)
    {
        if (string.IsNullOrWhiteSpace(idNumber)) return null;
        return new string(idNumber.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
    }

    /// <summary>
    /// A keyed hash of any other value that must be compared but never stored (a one-time code, a client address), kept
    /// apart from the phone and ID-number indexes by its <paramref name="kind"/>.
    /// </summary>
    public string KeyedHash(string kind, string value) => Index(kind + ":" + value);

    private string Index(string normalized)
    {
        var mac = HMACSHA256.HashData(Ring.IndexKeyBytes, Encoding.UTF8.GetBytes(normalized));
        return Convert.ToBase64String(mac);
    }

    /// <summary>Adds a new key and makes it current; the key file is rewritten atomically. Returns the new key id.</summary>
    public int AddKey()
    {
        lock (_gate)
        {
            var ring = ReadFile() ?? Ring;
            var id = ring.Keys.Max(k => k.Id) + 1;
            var next = ring with
            {
                Current = id,
                Keys = [.. ring.Keys, new KeyEntry(id, Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize)), DateTime.UtcNow)],
            };
            WriteFile(next, overwrite: true);
            _ring = next;
            return id;
        }
    }

    /// <summary>Forgets the cached key ring, so the next use reads the key file again.</summary>
    public void Reload()
    {
        lock (_gate) _ring = ReadFile() ?? _ring;
    }

    private KeyFileContent Ring
    {
        get
        {
            var ring = _ring;
            if (ring is not null) return ring;
            lock (_gate) return _ring ??= LoadOrCreate();
        }
    }

    private byte[] KeyOrReload(int keyId)
    {
        var ring = Ring;
        if (ring.Keys.Any(k => k.Id == keyId)) return ring.Key(keyId);
        // Another process (`gongjiang keys rotate`) may have added the key since this one read the file.
        Reload();
        ring = Ring;
        if (ring.Keys.Any(k => k.Id == keyId)) return ring.Key(keyId);
        throw new CryptographicException($"Key {keyId} is not in the key file {KeyFile}.");
    }

    private static bool TryParse(string stored, out int keyId, out string payload)
    {
        keyId = 0;
        payload = "";
        if (!stored.StartsWith("gk", StringComparison.Ordinal)) return false;
        var colon = stored.IndexOf(':', 2);
        if (colon < 3 || !int.TryParse(stored.AsSpan(2, colon - 2), System.Globalization.NumberStyles.None, null, out keyId)) return false;
        payload = stored[(colon + 1)..];
        return true;
    }

    private KeyFileContent LoadOrCreate()
    {
        if (ReadFile() is { } existing) return existing;
        var fresh = new KeyFileContent(1, Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize)),
            [new KeyEntry(1, Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize)), DateTime.UtcNow)]);
        try
        {
            WriteFile(fresh, overwrite: false);
            return fresh;
        }
        catch (IOException) when (ReadFile() is { } raced)
        {
            return raced; // another process created it first
        }
    }

    private KeyFileContent? ReadFile()
    {
        if (!File.Exists(KeyFile)) return null;
        var ring = JsonSerializer.Deserialize<KeyFileContent>(File.ReadAllText(KeyFile), JsonOptions)
            ?? throw new CryptographicException($"The key file {KeyFile} is empty.");
        if (ring.Keys.Count == 0 || ring.Keys.All(k => k.Id != ring.Current))
            throw new CryptographicException($"The key file {KeyFile} has no current key.");
        return ring;
    }

    private void WriteFile(KeyFileContent ring, bool overwrite)
    {
        var directory = Path.GetDirectoryName(KeyFile)!;
        Directory.CreateDirectory(directory);
        var json = JsonSerializer.Serialize(ring, JsonOptions);
        var temp = Path.Combine(directory, $".{Path.GetFileName(KeyFile)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(json);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        try
        {
            if (overwrite) File.Move(temp, KeyFile, overwrite: true);
            else File.Move(temp, KeyFile, overwrite: false);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private sealed record KeyEntry(int Id, string Key, DateTime CreatedAt);

    private sealed record KeyFileContent(int Current, string IndexKey, List<KeyEntry> Keys)
    {
        [JsonIgnore] public byte[] IndexKeyBytes { get; } = Convert.FromBase64String(IndexKey);
        private readonly ConcurrentDictionary<int, byte[]> _bytes = new();
        public byte[] Key(int id) => _bytes.GetOrAdd(id, i => Convert.FromBase64String(Keys.First(k => k.Id == i).Key));
    }
}
