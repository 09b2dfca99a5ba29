using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Skills;
using Gongjiang.Core.Common;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Talent;

/// <summary>
/// The seeker saves their profile (人才档案) and contact data: checks the input once (text that is not a number, then the
/// file contract's rules), replaces what is on record and saves once. A user without a profile gets one, linked to the
/// account in the same save. Whether the profile is shared with the zone, and whether it is active, stay as they are.
/// The mobile number is not changed here: a different number is refused (it changes with a code, <see cref="Identity.ChangeMyPhone"/>).
/// </summary>
public static class SaveProfile
{
    public sealed record Command(IProfileInput Profile) : IUseCase<TalentRecord>;

    public sealed class Handler(AppDbContext db, ICurrentUser currentUser, TalentRecordMapper mapper, TaxonomyCatalog catalog,
        TimeProvider clock)
        : IUseCaseHandler<Command, TalentRecord>
    {
        public async Task<Result<TalentRecord>> HandleAsync(Command command, CancellationToken ct)
        {
            var actor = await currentUser.GetAsync(ct);
            if (actor is null) return Error.NotFound(TalentErrors.NoProfile);
            var talentId = actor.TalentId ?? EntityId.New('T', clock);
            var profile = actor.TalentId is null ? null : await db.Talent.FirstOrDefaultAsync(t => t.Id == talentId, ct);
            var contact = profile is null ? null : await db.TalentContacts.FirstOrDefaultAsync(c => c.TalentId == talentId, ct);
            var existing = profile is null ? null : new TalentRecord(profile, contact ?? new TalentContact { TalentId = talentId });

            var errors = new ErrorList();
            var line = command.Profile.ToLine(errors, out var rowOfOccupation, existing, catalog) with { Id = talentId };
            var mapped = mapper.Map(line);
            if (!mapped.Succeeded) errors.AddRange(mapped.Errors.Where(e => e.Field != "phone").Select(e => e.ForField(ClientRow(e.Field, rowOfOccupation))));
            // The number is the one the seeker signs in by and receives codes on: it changes only with a code sent to
            // the new number (ChangeMyPhone). Left out or unchanged, it stays as it is.
            if (Privacy.PersonalDataProtector.NormalizePhone(line.Phone) is { } phone && phone != contact?.Phone)
                errors.Add("phone", TalentErrors.PhoneChangeNeedsCode);
            var occupations = mapped.Succeeded ? SkillReadings.OccupationsOf(mapped.Value.Profile) : [];
            var choices = command.Profile.ChosenSkillItems(existing, errors, skill => SkillReadings.Best(catalog, skill, occupations)?.ItemName);
            SkillReadings.Check(catalog, choices, occupations, "skills", errors);
            if (!errors.IsEmpty) return errors;
            if (!mapped.Succeeded) return mapped.Cast<TalentRecord>();

            var record = mapped.Value;
            SkillReadings.ApplyTo(catalog, record.Profile, choices);
            record.Contact.Phone = contact?.Phone;
            var now = clock.GetUtcNow().UtcDateTime;
            if (profile is null)
            {
                record.Profile.CreatedAt = record.Profile.UpdatedAt = now;
                db.Talent.Add(record.Profile);
                db.TalentContacts.Add(record.Contact);
            }
            else
            {
                record.Profile.CreatedAt = profile.CreatedAt;
                record.Profile.UpdatedAt = now;
                record.Profile.RegisteredAt = profile.RegisteredAt; // saving the résumé is activity: LastActiveAt is today
                record.Profile.SharedWithZone = profile.SharedWithZone;
                record.Profile.IsActive = profile.IsActive;
                db.Entry(profile).CurrentValues.SetValues(record.Profile);
                profile.Education = record.Profile.Education; profile.Occupations = record.Profile.Occupations;
                profile.WillingCities = record.Profile.WillingCities; profile.Skills = record.Profile.Skills; profile.SkillItems = record.Profile.SkillItems;
                profile.SkillChoices = record.Profile.SkillChoices;
                profile.Certificates = record.Profile.Certificates; profile.DesiredTitles = record.Profile.DesiredTitles;
                if (contact is null) db.TalentContacts.Add(record.Contact);
                else db.Entry(contact).CurrentValues.SetValues(record.Contact);
            }
            if (actor.TalentId is null && await db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId, ct) is { } user) user.TalentId = talentId;
            await db.SaveChangesAsync(ct);
            return record;
        }

        /// <summary>Errors about the record's occupations point back at the row the client sent them in.</summary>
        private static string? ClientRow(string? field, IReadOnlyList<int> rowOfOccupation)
        {
            const string prefix = "occupations[";
            if (field is null || !field.StartsWith(prefix, StringComparison.Ordinal)) return field;
            var close = field.IndexOf(']', StringComparison.Ordinal);
            return close > prefix.Length && int.TryParse(field[prefix.Length..close], out var k) && k < rowOfOccupation.Count
                ? $"{prefix}{rowOfOccupation[k]}{field[close..]}" : field;
        }
    }
}
