using Gongjiang.Application.Persistence;
using Gongjiang.Application.Talent;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Identity;

/// <summary>
/// Who holds a phone number: an HR, agency or operator account whose number it is, or else the one profile whose contact
/// number it is, and the account linked to that profile, if any (both unique, through the blind indexes). A profile
/// without an account was imported and can be claimed by the person the number reaches.
/// </summary>
public sealed class PhoneAccounts(AppDbContext db, TalentService talent)
{
    /// <summary>The profile holding the number and its account (null when imported and not yet claimed); null when nobody holds it.</summary>
    public async Task<PhoneHolder?> FindAsync(string phone, CancellationToken ct = default)
    {
        var index = db.Protector?.PhoneIndex(phone);
        if (index is not null && await db.Users.FirstOrDefaultAsync(u => u.PhoneIndex == index, ct) is { } staff)
            return new PhoneHolder(staff.TalentId, staff);
        var holders = await talent.FindTalentIdsHoldingPhoneAsync(phone, ct);
        if (holders.Count == 0) return null;
        var talentId = holders[0];
        var user = await db.Users.FirstOrDefaultAsync(u => u.TalentId == talentId, ct);
        return new PhoneHolder(talentId, user);
    }
}

/// <summary>The profile holding a phone number, and its account when someone has signed up for it.</summary>
public sealed record PhoneHolder(string? TalentId, AppUser? Account);
