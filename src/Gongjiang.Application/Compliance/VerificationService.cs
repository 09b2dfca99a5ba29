using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Employers;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Employers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Application.Compliance;

/// <summary>Where licence files are kept: one file per content, named by its SHA-256.</summary>
public sealed class VerificationOptions
{
    public string LicenceDirectory { get; set; } = Path.Combine(Common.HashedFileStore.DataDirectory, "licences");
}

public sealed record LicenceInput(string? Number, string? Authority, DateOnly? ValidUntil);

/// <summary>
/// Employer verification beyond the operator's decision: the request with the licensed name (名称一致),
/// the HR-service licence (人力资源服务许可证), and re-verification every 6 months. Every step goes to the service log.
/// </summary>
public sealed class VerificationService(AppDbContext db, TimeProvider clock, ServiceLog serviceLog, VerificationOptions options)
{
    public const string VerificationRequested = "employer.verification_requested";
    public const string VerificationExpired = "employer.verification_expired";
    public const string LicenceSubmitted = "employer.licence_submitted";
    public const string LicenceApproved = "employer.licence_approved";
    public const string LicenceRejected = "employer.licence_rejected";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>HR asks for (re-)verification, giving the organisation name as on the business licence; it must match the registered name.</summary>
    public async Task<Result<Employer>> RequestVerificationAsync(string actorUserId, string employerId, string? licensedName, CancellationToken ct = default)
    {
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == employerId, ct);
        if (employer is null) return Error.NotFound(EmployerErrors.NotFound, employerId);
        if (string.IsNullOrWhiteSpace(licensedName)) return Error.RefusedField("licensed_name", EmployerErrors.LicensedNameRequired);
        if (!EmployerVerification.NamesMatch(licensedName, employer.Name))
            return Error.RefusedField("licensed_name", EmployerErrors.NamesDiffer, licensedName.Trim(), employer.Name);
        if (employer.Verification == VerificationStatus.Suspended) return Error.Conflict(EmployerErrors.SuspendedContact);
        if (employer.Verification == VerificationStatus.Verified && !IsDue(employer, Now))
            return Error.Conflict(EmployerErrors.VerificationStillValid);
        employer.LicensedName = licensedName.Trim();
        employer.VerificationRequestedAt = Now;
        if (employer.Verification != VerificationStatus.Verified) employer.Verification = VerificationStatus.Pending;
        employer.UpdatedAt = Now;
        serviceLog.Write(actorUserId, VerificationRequested, ServiceTargets.Employer, employerId, employer.LicensedName);
        await db.SaveChangesAsync(ct);
        return employer;
    }

    /// <summary>Due for re-verification: expired, or verified and lapsing within 30 days.</summary>
    public static bool IsDue(Employer e, DateTime now) =>
        e.Verification == VerificationStatus.Expired
        || e.Verification == VerificationStatus.Verified && e.VerificationExpiresAt is { } at && at <= now.AddDays(30);

    /// <summary>The operators' queue: verified employers lapsing within 30 days and expired ones, soonest first.</summary>
    public async Task<List<Employer>> DueAsync(CancellationToken ct = default)
    {
        var soon = Now.AddDays(30);
        return await db.Employers.AsNoTracking()
            .Where(e => e.Verification == VerificationStatus.Expired
                || e.Verification == VerificationStatus.Verified && e.VerificationExpiresAt != null && e.VerificationExpiresAt <= soon)
            .OrderBy(e => e.VerificationExpiresAt).ThenBy(e => e.Name).Take(500).ToListAsync(ct);
    }

    /// <summary>Marks verifications past their expiry as expired (the daily check); returns how many.</summary>
    public async Task<int> MarkExpiredAsync(CancellationToken ct = default)
    {
        var now = Now;
        var lapsed = await db.Employers.Where(e => e.Verification == VerificationStatus.Verified && e.VerificationExpiresAt != null && e.VerificationExpiresAt <= now)
            .ToListAsync(ct);
        foreach (var e in lapsed)
        {
            e.Verification = VerificationStatus.Expired;
            e.UpdatedAt = now;
            serviceLog.Write(ServiceLog.SystemActor, VerificationExpired, ServiceTargets.Employer, e.Id, $"认证已于 {e.VerificationExpiresAt:yyyy-MM-dd} 到期");
        }
        await db.SaveChangesAsync(ct);
        return lapsed.Count;
    }

    /// <summary>An HR-service business submits its licence; the file must be a PDF, JPEG or PNG of at most 5 MB by content.</summary>
    public async Task<Result<Employer>> SubmitLicenceAsync(string actorUserId, string employerId, LicenceInput input, Stream file, CancellationToken ct = default)
    {
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == employerId, ct);
        if (employer is null) return Error.NotFound(EmployerErrors.NotFound, employerId);
        if (employer.AccountClass != AccountClass.HrService) return Error.Conflict(EmployerErrors.LicenceNotNeeded);
        var number = input.Number?.Trim() ?? "";
        var authority = input.Authority?.Trim() ?? "";
        if (number.Length is 0 or > 60) return Error.RefusedField("number", EmployerErrors.LicenceNumberRequired);
        if (authority.Length is 0 or > 100) return Error.RefusedField("authority", EmployerErrors.LicenceAuthorityRequired);
        if (input.ValidUntil is not { } validUntil) return Error.RefusedField("valid_until", EmployerErrors.LicenceValidUntilRequired);
        if (validUntil < DateOnly.FromDateTime(Now)) return Error.RefusedField("valid_until", EmployerErrors.LicenceLapsed);

        var stored = await StoreFileAsync(file, "file", ct);
        if (!stored.Succeeded) return stored.Cast<Employer>();
        var (hash, contentType) = stored.Value;
        employer.HrLicenceNumber = number;
        employer.HrLicenceAuthority = authority;
        employer.HrLicenceValidUntil = validUntil;
        employer.HrLicenceFileHash = hash;
        employer.HrLicenceContentType = contentType;
        employer.HrLicenceStatus = HrLicenceStatus.Pending;
        employer.HrLicenceNote = null;
        employer.UpdatedAt = Now;
        serviceLog.Write(actorUserId, LicenceSubmitted, ServiceTargets.Employer, employerId, $"许可证 {number}，有效期至 {validUntil:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return employer;
    }

    /// <summary>An operator approves or rejects the submitted licence.</summary>
    public async Task<Result<Employer>> DecideLicenceAsync(string actorUserId, string employerId, bool approve, string? note, CancellationToken ct = default)
    {
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == employerId, ct);
        if (employer is null) return Error.NotFound(EmployerErrors.NotFound, employerId);
        if (employer.HrLicenceStatus == HrLicenceStatus.None) return Error.Conflict(EmployerErrors.LicenceNotSubmitted);
        if (!approve && string.IsNullOrWhiteSpace(note)) return Error.RefusedField("note", EmployerErrors.LicenceRejectionNoteRequired);
        employer.HrLicenceStatus = approve ? HrLicenceStatus.Approved : HrLicenceStatus.Rejected;
        employer.HrLicenceNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        employer.UpdatedAt = Now;
        serviceLog.Write(actorUserId, approve ? LicenceApproved : LicenceRejected, ServiceTargets.Employer, employerId, employer.HrLicenceNote);
        await db.SaveChangesAsync(ct);
        return employer;
    }

    /// <summary>The stored HR-service licence file of an employer, or null when there is none.</summary>
    public Stream? OpenLicenceFile(Employer employer) => OpenFile(employer.HrLicenceFileHash);

    /// <summary>The stored business licence (营业执照) of an employer, or null when there is none.</summary>
    public Stream? OpenBusinessLicenceFile(Employer employer) => OpenFile(employer.BusinessLicenceFileHash);

    private FileStream? OpenFile(string? hash) => Common.HashedFileStore.Open(options.LicenceDirectory, hash);

    /// <summary>
    /// Keeps an uploaded licence: a PDF, JPEG or PNG by its content (not its name) of at most 5 MB, stored once per
    /// content under its SHA-256 (written to a temporary name, then moved, so a crash leaves no half file under the name).
    /// Errors name <paramref name="field"/>.
    /// </summary>
    public async Task<Result<(string Hash, string ContentType)>> StoreFileAsync(Stream file, string field, CancellationToken ct = default)
    {
        var bytes = await Common.HashedFileStore.ReadAtMostAsync(file, LicenceFiles.MaxBytes, ct);
        if (bytes is null) return Error.RefusedField(field, EmployerErrors.LicenceFileTooLarge);
        if (bytes.Length == 0) return Error.RefusedField(field, EmployerErrors.LicenceFileRequired);
        if (LicenceFiles.DetectContentType(bytes) is not { } contentType) return Error.RefusedField(field, EmployerErrors.LicenceFileType);
        var hash = await Common.HashedFileStore.SaveAsync(options.LicenceDirectory, bytes, ct);
        return (hash, contentType);
    }
}

/// <summary>Runs the re-verification check once a day, the first time a minute after start.</summary>
public sealed class VerificationExpiryTask(ILogger<VerificationExpiryTask> logger) : Common.IPeriodicTask
{
    public string Name => "verification-expiry";
    public TimeSpan FirstRunAfter => TimeSpan.FromMinutes(1);
    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var expired = await services.GetRequiredService<VerificationService>().MarkExpiredAsync(ct);
        logger.LogInformation("Verification check: {Expired} employer verifications expired", expired);
    }
}
