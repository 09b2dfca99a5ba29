using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Identity;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Taxonomy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Employers;

/// <summary>
/// A company or an HR-service agency (人力资源服务机构) opens its own account: company name, 统一社会信用代码 (checked per
/// GB 32100, one account per code), the name as printed on the business licence with the licence image (PDF, JPEG or PNG
/// by content, ≤ 5 MB), city and industry cluster, for an agency its 人力资源服务许可证; and the applying person as the
/// employer's administrator: user name, password, name and mobile number with the code sent to it. The account is
/// pending until an operator verifies it (it signs in, but publishes nothing). All or nothing: one transaction, the
/// licence files written before it (stored by content, so an abandoned write leaves no record pointing at it).
/// </summary>
public static class RegisterEmployer
{
    public sealed record Command(
        string? CompanyName, string? Uscc, string? LicensedName, string? City, string? IndustryCluster, bool IsAgency, Stream? BusinessLicence,
        string? HrLicenceNumber, string? HrLicenceAuthority, DateOnly? HrLicenceValidUntil, Stream? HrLicence,
        string? UserName, string? Password, string? PersonName, string? Phone, string? Code) : IUseCase<Registered>;

    public sealed record Registered(Employer Employer, AppUser Admin);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, VerificationService verification, PhoneCodeService codes,
        PhoneAccounts phones, ServiceLog log, TaxonomyCatalog catalog, TimeProvider clock) : IUseCaseHandler<Command, Registered>
    {
        public async Task<Result<Registered>> HandleAsync(Command c, CancellationToken ct)
        {
            var errors = new ErrorList();
            var name = c.CompanyName?.Trim() ?? "";
            var licensedName = c.LicensedName?.Trim() ?? "";
            var uscc = UnifiedSocialCreditCode.Validate(c.Uscc);
            var userName = c.UserName?.Trim() ?? "";
            var personName = c.PersonName?.Trim() ?? "";
            var phone = PhoneNumbers.Normalize(c.Phone);
            if (name.Length is < 2 or > 100) errors.Add("companyName", EmployerErrors.CompanyNameRequired);
            if (!uscc.IsValid) errors.Add("uscc", EmployerErrors.UsccInvalid);
            if (licensedName.Length is < 2 or > 100) errors.Add("licensedName", EmployerErrors.LicensedNameRequired);
            else if (name.Length >= 2 && !EmployerVerification.NamesMatch(licensedName, name)) errors.Add("licensedName", EmployerErrors.NamesDiffer, licensedName, name);
            if (catalog.FindRegion(c.City) is null) errors.Add("city", InputErrors.UnknownCity);
            if (!IndustryClusters.IsKnown(c.IndustryCluster)) errors.Add("industryCluster", EmployerErrors.ClusterUnknown);
            if (c.BusinessLicence is null) errors.Add("businessLicence", EmployerErrors.LicenceFileRequired);
            if (c.IsAgency && c.HrLicence is null) errors.Add("hrLicence", EmployerErrors.LicenceFileRequired);
            if (!UserNames.IsValid(userName)) errors.Add("userName", AccountErrors.UserName);
            if (personName.Length is 0 or > 30) errors.Add("personName", AccountErrors.Name);
            if (phone is null) errors.Add("phone", AccountErrors.Phone);
            if (string.IsNullOrWhiteSpace(c.Code)) errors.Add("code", PhoneCodeErrors.Wrong);
            if (Passwords.Check(c.Password, "password") is { } weak) errors.Add(weak);
            if (!errors.IsEmpty) return errors;

            if (await db.Employers.AnyAsync(e => e.Uscc == uscc.Normalized, ct)) return Error.Conflict(EmployerErrors.UsccTaken);
            if (await users.FindByNameAsync(userName) is not null) return Error.Conflict(AccountErrors.UserNameTaken);
            var business = await verification.StoreFileAsync(c.BusinessLicence!, "businessLicence", ct);
            if (!business.Succeeded) return business.Cast<Registered>();
            var used = await codes.ConsumeAsync(phone, PhoneCodePurpose.Register, c.Code, ct);
            if (!used.Succeeded) return used.Cast<Registered>();
            if (await phones.FindAsync(phone!, ct) is { Account: not null }) return Error.Invalid("code", PhoneCodeErrors.Wrong);

            var now = clock.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var employer = new Employer
            {
                Id = EntityId.New('E', clock), Name = name, Uscc = uscc.Normalized!, LicensedName = licensedName, CityCode = c.City!,
                IndustryCluster = c.IndustryCluster!, IsAgency = c.IsAgency, AccountClass = c.IsAgency ? AccountClass.HrService : AccountClass.SelfRecruiting,
                Verification = VerificationStatus.Pending, VerificationRequestedAt = now, CreatedAt = now, UpdatedAt = now,
                BusinessLicenceFileHash = business.Value.Hash, BusinessLicenceContentType = business.Value.ContentType,
            };
            db.Employers.Add(employer);
            await db.SaveChangesAsync(ct);
            var admin = new AppUser
            {
                UserName = userName, DisplayName = personName, EmployerId = employer.Id, PhoneNumber = phone, PhoneNumberConfirmed = true,
                IsEmployerAdmin = true, CreatedAt = now,
            };
            var created = await users.CreateAsync(admin, c.Password!);
            if (!created.Succeeded) return Passwords.Rejected(created, "password");
            var role = await users.AddToRoleAsync(admin, c.IsAgency ? Roles.Agency : Roles.EmployerHR);
            if (!role.Succeeded) throw new InvalidOperationException($"The role could not be given: {string.Join(" ", role.Errors.Select(e => e.Description))}");
            if (c.IsAgency)
            {
                var licence = await verification.SubmitLicenceAsync(admin.Id, employer.Id,
                    new LicenceInput(c.HrLicenceNumber, c.HrLicenceAuthority, c.HrLicenceValidUntil), c.HrLicence!, ct);
                if (!licence.Succeeded) return licence.Errors[0].ForField(LicenceFields.GetValueOrDefault(licence.Errors[0].Field ?? "", "hrLicence"));
            }
            log.Write(admin.Id, ServiceActions.EmployerRegistered, ServiceTargets.Employer, employer.Id, $"{name} {employer.Uscc}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Registered(employer, admin);
        }
    }

    /// <summary>The licence form's fields as this form names them.</summary>
    private static readonly Dictionary<string, string> LicenceFields = new()
    {
        ["file"] = "hrLicence", ["number"] = "hrLicenceNumber", ["authority"] = "hrLicenceAuthority", ["valid_until"] = "hrLicenceValidUntil",
    };
}
