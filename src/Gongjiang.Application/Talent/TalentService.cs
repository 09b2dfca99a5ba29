using Gongjiang.Application.Import;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Common;
using Gongjiang.Core.Interchange;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Talent;

/// <summary>Seekers' profiles. Contact data is read only through here, masked unless the caller may see it.</summary>
public sealed class TalentService(AppDbContext db)
{
    public Task<TalentProfile?> FindAsync(string id, CancellationToken ct = default) =>
        db.Talent.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);

    public Task<TalentContact?> FindContactAsync(string id, CancellationToken ct = default) =>
        db.TalentContacts.AsNoTracking().FirstOrDefaultAsync(c => c.TalentId == id, ct);

    /// <summary>
    /// The talent already on record with this phone number or, failing that, this ID number (de-duplication, sign-in by
    /// phone). Looked up through the blind indexes, so neither value is ever stored or compared in clear.
    /// </summary>
    public async Task<string?> FindTalentIdByIdentityAsync(string? phone, string? idNumber, CancellationToken ct = default) =>
        (await FindTalentIdsByIdentityAsync([phone], [idNumber], ct)).Find(phone, idNumber);

    /// <summary>
    /// The owners of many phones and ID numbers at once (an upload's preview), in one query per <see cref="LookupChunk"/>
    /// index values instead of one per row; <see cref="IdentityOwners.Find"/> answers as <see cref="FindTalentIdByIdentityAsync"/>.
    /// </summary>
    public async Task<IdentityOwners> FindTalentIdsByIdentityAsync(IEnumerable<string?> phones, IEnumerable<string?> idNumbers, CancellationToken ct = default)
    {
        var protector = db.Protector ?? throw new InvalidOperationException("The context has no personal-data protector.");
        return new IdentityOwners(protector,
            await OwnersAsync(Privacy.PersonalDataModel.PhoneIndex, phones.Select(protector.PhoneIndex), ct),
            await OwnersAsync(Privacy.PersonalDataModel.IdNumberIndex, idNumbers.Select(protector.IdNumberIndex), ct));
    }

    /// <summary>Every profile holding this phone number (through its blind index): one, or none; more only in records from before numbers were unique.</summary>
    public async Task<IReadOnlyList<string>> FindTalentIdsHoldingPhoneAsync(string phone, CancellationToken ct = default)
    {
        var protector = db.Protector ?? throw new InvalidOperationException("The context has no personal-data protector.");
        if (protector.PhoneIndex(phone) is not { } index) return [];
        return await db.TalentContacts.AsNoTracking().Where(c => EF.Property<string>(c, Privacy.PersonalDataModel.PhoneIndex) == index)
            .Select(c => c.TalentId).OrderBy(id => id).ToListAsync(ct);
    }

    private const int LookupChunk = 500;

    // Blind index → the talent holding it (the smallest id when several do).
    private async Task<Dictionary<string, string>> OwnersAsync(string indexColumn, IEnumerable<string?> indexes, CancellationToken ct)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in indexes.OfType<string>().Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            var found = await db.TalentContacts.AsNoTracking()
                .Where(c => chunk.Contains(EF.Property<string>(c, indexColumn)))
                .Select(c => new { Index = EF.Property<string>(c, indexColumn), c.TalentId })
                .ToListAsync(ct);
            foreach (var f in found)
                if (!owners.TryGetValue(f.Index, out var held) || string.CompareOrdinal(f.TalentId, held) < 0) owners[f.Index] = f.TalentId;
        }
        return owners;
    }

    /// <summary>138****0000: enough to recognise, not enough to call.</summary>
    public static string? MaskPhone(string? phone) =>
        phone is { Length: 11 } ? phone[..3] + "****" + phone[7..] : phone is null ? null : "****";

    /// <summary>张** style.</summary>
    public static string MaskName(string name) => name.Length <= 1 ? name : name[..1] + new string('*', Math.Min(2, name.Length - 1));

    /// <summary>The file/API representation; contact fields included only when <paramref name="contact"/> is given.</summary>
    public static TalentLine ToLine(TalentProfile p, TalentContact? contact, bool includeProtected) => new()
    {
        Id = p.Id, Name = contact?.Name, Phone = contact?.Phone, Email = contact?.Email,
        Gender = includeProtected ? p.Gender : null, BirthYear = includeProtected ? p.BirthYear : null,
        City = p.CityCode, WillingCities = p.WillingCities,
        Education = new EducationLine
        {
            Level = p.Education.Level is { } l ? EducationLevels.ToFileName(l) : null, MajorCode = p.Education.MajorCode,
            School = p.Education.School, GraduationYear = p.Education.GraduationYear,
        },
        Occupations = p.Occupations.Select(o => new TalentOccupationLine { Code = o.Code, TypedName = o.TypedName, Grade = o.Grade, Certified = o.Certified }).ToList(),
        Skills = p.Skills, Certificates = p.Certificates.Count > 0 ? p.Certificates : null, ExperienceYears = p.ExperienceYears,
        ExpectedSalary = new SalaryLine { Min = p.ExpectedSalaryMin, Max = p.ExpectedSalaryMax },
        DesiredTitles = p.DesiredTitles, ResumeText = p.ResumeText,
        RegisteredAt = p.RegisteredAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        LastActiveAt = p.LastActiveAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Who holds which phone and ID number, from <see cref="TalentService.FindTalentIdsByIdentityAsync"/>.</summary>
public sealed class IdentityOwners(Privacy.PersonalDataProtector protector, Dictionary<string, string> byPhone, Dictionary<string, string> byIdNumber)
{
    /// <summary>The talent holding this phone or, failing that, this ID number; null when neither is on record.</summary>
    public string? Find(string? phone, string? idNumber) =>
        protector.PhoneIndex(phone) is { } p && byPhone.TryGetValue(p, out var owner) ? owner
        : protector.IdNumberIndex(idNumber) is { } i && byIdNumber.TryGetValue(i, out owner) ? owner
        : null;
}
