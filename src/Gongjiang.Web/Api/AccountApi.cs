using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Privacy;
using Gongjiang.Application.Talent;
using Gongjiang.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Api;

/// <summary>Seeker sign-up with consent, and the seeker's rights over their data: a copy (export) and erasure.</summary>
public static partial class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/account/register", Register).WithTags("Account").WithName("RegisterSeeker")
            .WithSummary("Seeker sign-up: user name, password, name, phone, birth year and consent to the processing rules (under 16 refused)")
            .AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        var me = v1.MapGroup("/me").WithTags("Account").RequireAuthorization(p => p.RequireRole(Roles.Seeker));
        me.MapGet("/export", Export).WithName("ExportMyData").WithSummary("Everything held about the signed-in seeker, in clear, as a JSON download");
        me.MapPost("/erase", Erase).WithName("EraseMyAccount")
            .WithSummary("Deletes the signed-in seeker's account, profile and contact data (password required); applications stay only anonymised")
            .RequireRateLimiting(RateLimits.SignIn);
        return v1;
    }

    public sealed record RegisterRequest(string? UserName, string? Password, string? Name, string? Phone, int? BirthYear, bool Consent);
    public sealed record RegisterResponse(string UserId, string TalentId, string PolicyVersion);
    public sealed record EraseRequest(string? Password);

    private static async Task<Results<Created<RegisterResponse>, ValidationProblem, ProblemHttpResult>> Register(RegisterRequest body,
        UserManager<AppUser> users, PrivacyService privacy, TalentService talent, CancellationToken ct)
    {
        var outcome = await SeekerRegistration.RegisterAsync(body, users, privacy, talent, ct);
        if (outcome.Conflict is { } conflict) return ApiResults.Conflict(conflict);
        if (outcome.Errors.Count > 0)
            return TypedResults.ValidationProblem(outcome.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "输入有误 / Invalid input");
        return TypedResults.Created("/api/v1/talent/me", new RegisterResponse(outcome.User!.Id, outcome.User.TalentId!, PrivacyPolicy.Version));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(HttpContext http, UserManager<AppUser> users,
        PrivacyService privacy, CancellationToken ct)
    {
        var user = await CurrentUser.FromAsync(http.User, users);
        if (user is null || await privacy.ExportAsync(user.Id, ct) is not { } export) return ApiResults.NotFound("account");
        return TypedResults.File(ExportJson(export), "application/json", ExportFileName());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Erase(EraseRequest body, HttpContext http,
        UserManager<AppUser> users, SignInManager<AppUser> signIn, PrivacyService privacy, CancellationToken ct)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return ApiResults.NotFound("account");
        if (string.IsNullOrEmpty(body.Password) || !await users.CheckPasswordAsync(user, body.Password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["密码不正确，账号未删除。"] }, title: "输入有误 / Invalid input");
        await privacy.EraseAsync(user.Id, "request", ct);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static byte[] ExportJson(PersonalDataExport export) => JsonSerializer.SerializeToUtf8Bytes(export, ExportJsonOptions);

    public static string ExportFileName() => $"gongjiang-my-data-{DateTime.UtcNow:yyyyMMdd}.json";

    private static readonly JsonSerializerOptions ExportJsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

/// <summary>Creates a seeker account: the checks, the Identity user in the Seeker role, the empty profile and the consent.</summary>
public static partial class SeekerRegistration
{
    public sealed record Outcome(AppUser? User, Dictionary<string, string> Errors, string? Conflict = null);

    public static async Task<Outcome> RegisterAsync(AccountApi.RegisterRequest body, UserManager<AppUser> users, PrivacyService privacy,
        TalentService talent, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var userName = body.UserName?.Trim() ?? "";
        var name = body.Name?.Trim() ?? "";
        var phone = PersonalDataProtector.NormalizePhone(body.Phone);
        if (!UserNamePattern().IsMatch(userName)) errors["userName"] = "用户名为3–30位字母、数字、下划线或减号。";
        if (name.Length is 0 or > 30) errors["name"] = "请填写姓名（不超过30字）。";
        if (phone is not null && !PhonePattern().IsMatch(phone)) errors["phone"] = "请填写有效的大陆手机号码。";
        if (string.IsNullOrEmpty(body.Password) || body.Password.Length < 8) errors["password"] = "密码至少8位，须包含数字和小写字母。";
        if (privacy.RegistrationRefusal(body.BirthYear, consented: true) is { } ageRefusal) errors["birthYear"] = ageRefusal;
        if (!body.Consent) errors["consent"] = "请阅读并同意《个人信息处理规则》。";
        if (errors.Count > 0) return new Outcome(null, errors);

        if (await users.FindByNameAsync(userName) is not null) return new Outcome(null, errors, "该用户名已被注册。");
        if (phone is not null && await talent.FindTalentIdByIdentityAsync(phone, null, ct) is not null)
            return new Outcome(null, errors, "该手机号已注册，请直接登录。");

        var user = new AppUser { UserName = userName, DisplayName = name, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, body.Password!);
        if (!created.Succeeded)
        {
            errors["password"] = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                ? "密码至少8位，须包含数字和小写字母。" : string.Join(" ", created.Errors.Select(e => e.Description));
            return new Outcome(null, errors);
        }
        try
        {
            await users.AddToRoleAsync(user, Roles.Seeker);
            await privacy.CreateSeekerProfileAsync(user, name, phone, body.BirthYear!.Value, ct);
        }
        catch
        {
            await users.DeleteAsync(user);
            throw;
        }
        return new Outcome(user, errors);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{3,30}$")] private static partial Regex UserNamePattern();
    [GeneratedRegex("^1[3-9][0-9]{9}$")] private static partial Regex PhonePattern();
}
