using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Application.Identity;

/// <summary>
/// One-time codes sent by SMS: six random digits, valid for <see cref="PhoneCodeOptions.Lifetime"/> (5 minutes), used
/// once, spent after <see cref="PhoneCodeOptions.MaxAttempts"/> wrong answers, and requested at most once a minute and
/// <see cref="PhoneCodeOptions.PerPhonePerHour"/> times an hour per number and
/// <see cref="PhoneCodeOptions.PerAddressPerHour"/> times an hour per client address. The limits are counted in the
/// database, so they hold across every node. Only the latest code of a number and purpose is accepted.
/// </summary>
public sealed class PhoneCodeService(AppDbContext db, IEnumerable<IMessageSender> senders, IOptions<PhoneCodeOptions> options, TimeProvider clock)
{
    public const int CodeLength = 6;
    private PhoneCodeOptions Options => options.Value;
    private PersonalDataProtector Protector => db.Protector ?? throw new InvalidOperationException("The context has no personal-data protector.");

    /// <summary>
    /// Records a request for <paramref name="purpose"/> to <paramref name="phone"/> (a normalised mainland mobile number)
    /// and sends the code, or when <paramref name="sendCode"/> is false sends <paramref name="noticeInstead"/> (or nothing):
    /// either way the request counts against the limits and the caller answers the same.
    /// </summary>
    public async Task<Result<Done>> IssueAsync(string phone, PhoneCodePurpose purpose, string? clientAddress, bool sendCode, string? noticeInstead,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var phoneIndex = Protector.PhoneIndex(phone)!;
        var addressIndex = string.IsNullOrEmpty(clientAddress) ? null : Protector.KeyedHash("address", clientAddress);
        var hourAgo = now.AddHours(-1);
        var recent = await db.PhoneCodes.AsNoTracking().Where(c => c.PhoneIndex == phoneIndex && c.CreatedAt > hourAgo)
            .Select(c => c.CreatedAt).ToListAsync(ct);
        if (recent.Count > 0 && recent.Max() > now - Options.ResendAfter)
            return Error.TooMany(PhoneCodeErrors.TooSoon, (int)Math.Ceiling((recent.Max() + Options.ResendAfter - now).TotalSeconds));
        if (recent.Count >= Options.PerPhonePerHour) return Error.TooMany(PhoneCodeErrors.TooManyForPhone);
        if (addressIndex is not null
            && await db.PhoneCodes.CountAsync(c => c.AddressIndex == addressIndex && c.CreatedAt > hourAgo, ct) >= Options.PerAddressPerHour)
            return Error.TooMany(PhoneCodeErrors.TooManyForAddress);

        var code = sendCode ? RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture) : null;
        var request = new PhoneCode
        {
            PhoneIndex = phoneIndex, Purpose = purpose, AddressIndex = addressIndex, CreatedAt = now, ExpiresAt = now + Options.Lifetime,
            CodeHash = code is null ? null : Hash(phoneIndex, purpose, code),
            UsedAt = code is null ? now : null, // nothing to use
        };
        db.PhoneCodes.Add(request);
        await db.SaveChangesAsync(ct);

        var text = code is not null ? CodeText(code, purpose) : noticeInstead;
        if (text is null) return Done.Value;
        var sender = senders.LastOrDefault(s => s.Channel == OutboxChannels.Sms)
            ?? throw new InvalidOperationException("No SMS sender is configured.");
        try
        {
            await sender.SendAsync(new OutboxMessage
            {
                Channel = OutboxChannels.Sms, Destination = phone, Kind = "phone.code." + purpose.ToString().ToLowerInvariant(),
                Subject = "验证码", Body = text, CreatedAt = now, NextAttemptAt = now,
            }, ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException)
        {
            // Not sent: the request does not count, so the person can ask again at once.
            await db.PhoneCodes.Where(c => c.Id == request.Id).ExecuteDeleteAsync(CancellationToken.None);
            return Error.Refused(PhoneCodeErrors.NotSent);
        }
        return Done.Value;
    }

    /// <summary>
    /// Uses the latest code sent to <paramref name="phone"/> for <paramref name="purpose"/>: succeeds once, for the right
    /// code within its lifetime; a wrong answer counts towards spending the code. Every failure is the same error.
    /// </summary>
    public async Task<Result<Done>> ConsumeAsync(string? phone, PhoneCodePurpose purpose, string? code, CancellationToken ct = default)
    {
        var answer = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (answer.Length != CodeLength || Protector.PhoneIndex(phone) is not { } phoneIndex) return Error.Invalid("code", PhoneCodeErrors.Wrong);
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.PhoneCodes.AsNoTracking()
            .Where(c => c.PhoneIndex == phoneIndex && c.Purpose == purpose && c.CodeHash != null)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (latest is null || latest.UsedAt is not null || latest.ExpiresAt <= now) return Error.Invalid("code", PhoneCodeErrors.Wrong);

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(latest.CodeHash!), Encoding.ASCII.GetBytes(Hash(phoneIndex, purpose, answer))))
        {
            var spent = latest.FailedAttempts + 1 >= Options.MaxAttempts;
            await db.PhoneCodes.Where(c => c.Id == latest.Id && c.UsedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1)
                .SetProperty(c => c.UsedAt, c => spent ? now : c.UsedAt), ct);
            return Error.Invalid("code", PhoneCodeErrors.Wrong);
        }
        // Single use even when two requests carry the right code at once: only one of them marks it used.
        var taken = await db.PhoneCodes.Where(c => c.Id == latest.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        return taken == 1 ? Done.Value : Error.Invalid("code", PhoneCodeErrors.Wrong);
    }

    private string Hash(string phoneIndex, PhoneCodePurpose purpose, string code) => Protector.KeyedHash("code", $"{phoneIndex}|{purpose}|{code}");

    private string CodeText(string code, PhoneCodePurpose purpose) =>
        $"【工匠】验证码 {code}，{(int)Options.Lifetime.TotalMinutes}分钟内有效，用于{purpose switch
        {
            PhoneCodePurpose.Register => "注册账号",
            PhoneCodePurpose.SignIn => "登录",
            PhoneCodePurpose.ResetPassword => "重置密码",
            _ => "更换手机号",
        }}。请勿告诉他人；如非本人操作，请忽略本短信。";
}

/// <summary>Codes of the one-time-code errors (messages in Common/Results/ErrorMessages.resx).</summary>
public static class PhoneCodeErrors
{
    public const string Wrong = "code.wrong";
    public const string TooSoon = "code.too_soon";
    public const string TooManyForPhone = "code.too_many_for_phone";
    public const string TooManyForAddress = "code.too_many_for_address";
    public const string NotSent = "code.not_sent";
}
