using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.Notifications;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// The SMS gateway stand-in (the gateway is outside the machine): keeps every text the app sent, so a test reads the
/// code a person would read on their phone.
/// </summary>
public sealed partial class SmsInbox : IMessageSender
{
    private readonly List<OutboxMessage> _sent = [];

    public string Channel => OutboxChannels.Sms;

    public Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        lock (_sent) _sent.Add(message);
        return Task.CompletedTask;
    }

    /// <summary>Every text sent to this number, oldest first.</summary>
    public IReadOnlyList<string> To(string phone)
    {
        lock (_sent) return _sent.Where(m => m.Destination == phone).Select(m => m.Body).ToList();
    }

    /// <summary>The code in the latest text to this number, or null when its latest text carries none.</summary>
    public string? LatestCode(string phone) => To(phone) is [.., var last] && Code().Match(last) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"验证码 (\d{6})")]
    private static partial Regex Code();
}

/// <summary>Sign-up as a person does it: ask for the code, read it off the phone, register.</summary>
public static class Registration
{
    public static async Task<HttpResponseMessage> RegisterAsync(this ApiFactory factory, HttpClient client, string userName, string phone,
        string name = "周晓峰", int birthYear = 1995, string password = ApiFactory.Password)
    {
        var asked = await client.PostAsJsonAsync("/api/v1/account/phone-codes", new { phone, purpose = "register" });
        if (asked.StatusCode != System.Net.HttpStatusCode.Accepted) return asked;
        var digits = Gongjiang.Application.Identity.PhoneNumbers.Normalize(phone)!;
        return await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            userName, password, name, phone, code = factory.Sms.LatestCode(digits), birthYear, consent = true,
        });
    }
}
