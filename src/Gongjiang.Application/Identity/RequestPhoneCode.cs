using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Privacy;

namespace Gongjiang.Application.Identity;

/// <summary>
/// Someone asks for a one-time code by SMS. The answer is the same whether or not the number is on record, so numbers
/// cannot be enumerated: for sign-up a new number (or one held only by an imported profile, which the code then claims)
/// gets a code and a number that already has an account gets a notice instead; for sign-in and 忘记密码 only a number
/// with an account gets a code; for a change of number only a number nobody holds gets one. Limits per number and per
/// client address apply to every request (<see cref="PhoneCodeService"/>).
/// </summary>
public static class RequestPhoneCode
{
    /// <param name="ClientAddress">The requesting client's address, for the per-address limit (null from the command line).</param>
    public sealed record Command(string? Phone, PhoneCodePurpose Purpose, string? ClientAddress) : IUseCase<Done>;

    public const string AlreadyRegisteredNotice =
        "【工匠】有人正在用您的手机号注册工匠账号。您已有账号，可直接登录，或在登录页选择“忘记密码”。如非本人操作，请忽略本短信。";

    public sealed class Handler(PhoneCodeService codes, PhoneAccounts phones, ICurrentUser currentUser) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            if (PhoneNumbers.Normalize(command.Phone) is not { } phone) return Error.Invalid("phone", AccountErrors.Phone);
            if (!Enum.IsDefined(command.Purpose)) return Error.Invalid("purpose", AccountErrors.CodePurpose);
            var holder = await phones.FindAsync(phone, ct);
            switch (command.Purpose)
            {
                case PhoneCodePurpose.Register:
                    return holder?.Account is null
                        ? await codes.IssueAsync(phone, command.Purpose, command.ClientAddress, sendCode: true, null, ct)
                        : await codes.IssueAsync(phone, command.Purpose, command.ClientAddress, sendCode: false, AlreadyRegisteredNotice, ct);
                case PhoneCodePurpose.SignIn:
                case PhoneCodePurpose.ResetPassword:
                    return await codes.IssueAsync(phone, command.Purpose, command.ClientAddress, sendCode: holder?.Account is not null, null, ct);
                default:
                    var actor = await currentUser.GetAsync(ct);
                    if (actor?.TalentId is null) return Error.Forbidden(AccountErrors.NoProfileForPhone);
                    return await codes.IssueAsync(phone, command.Purpose, command.ClientAddress, sendCode: holder is null, null, ct);
            }
        }
    }
}

/// <summary>Mainland mobile numbers as people write them (+86 138-1234-5678).</summary>
public static partial class PhoneNumbers
{
    /// <summary>The eleven digits of a mainland mobile number, or null when the text is not one.</summary>
    public static string? Normalize(string? text) =>
        text is { Length: <= 40 } && text.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')')
        && PersonalDataProtector.NormalizePhone(text) is { } digits && Mobile().IsMatch(digits) ? digits : null;

    [System.Text.RegularExpressions.GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial System.Text.RegularExpressions.Regex Mobile();
}
