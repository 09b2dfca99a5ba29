using System.Globalization;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Skills;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Core.Talent;
using Gongjiang.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Talent;

/// <summary>
/// The résumé editor between saves: opens the seeker's profile (or a new one with the account's name), and adds or
/// removes occupation and city rows, naming the occupations and the major typed so far. Nothing is saved.
/// </summary>
public static class ReviewProfile
{
    public enum Step { Open, AddOccupation, RemoveOccupation, AddCity, RemoveCity, ChooseSkill }

    /// <param name="Form">The form as posted; null opens the profile as saved.</param>
    /// <param name="Row">The row to remove.</param>
    /// <param name="SkillChoice">A button of the skill readings pressed (ChooseSkill: "confirm:CNC编程", "decline:…", "undo:…").</param>
    public sealed record Query(ProfileForm? Form = null, Step Step = Step.Open, int Row = -1, string? SkillChoice = null) : IUseCase<Editor>;

    /// <param name="Profile">The profile on record; null until the first save.</param>
    /// <param name="OccupationOfRow">The occupation each occupation row names, if any.</param>
    /// <param name="SkillReadings">How each written skill is read, for the seeker to confirm or refuse.</param>
    public sealed record Editor(TalentProfile? Profile, ProfileForm Form, IReadOnlyList<Occupation?> OccupationOfRow, Major? Major,
        IReadOnlyList<SkillReading> SkillReadings);

    public sealed class Handler(AppDbContext db, ICurrentUser currentUser, TaxonomyCatalog catalog) : IUseCaseHandler<Query, Editor>
    {
        public async Task<Result<Editor>> HandleAsync(Query query, CancellationToken ct)
        {
            var actor = await currentUser.GetAsync(ct);
            if (actor is null) return Error.NotFound(TalentErrors.NoProfile);
            var profile = actor.TalentId is { } id ? await db.Talent.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) : null;
            var form = query.Form;
            if (form is null)
            {
                if (profile is not null)
                    form = ProfileForm.From(profile, await db.TalentContacts.AsNoTracking().FirstOrDefaultAsync(c => c.TalentId == profile.Id, ct));
                else form = new ProfileForm { Name = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) };
            }
            switch (query.Step)
            {
                case Step.AddOccupation: form.Occupations.Add(new OccupationRow()); break;
                case Step.AddCity: form.WillingCities.Add(null); break;
                case Step.RemoveOccupation when query.Row >= 0 && query.Row < form.Occupations.Count: form.Occupations.RemoveAt(query.Row); break;
                case Step.RemoveCity when query.Row >= 0 && query.Row < form.WillingCities.Count: form.WillingCities.RemoveAt(query.Row); break;
            }
            if (query.Step is not (Step.AddOccupation or Step.AddCity)) form.Padded();
            var occupations = form.Occupations
                .Select(r => string.IsNullOrWhiteSpace(r.Code) ? null : catalog.FindOccupation(TypedNames.Occupation(catalog, r.Code))).ToList();
            var major = form.MajorCode is { Length: > 0 } m && catalog.MajorsByCode.TryGetValue(TypedNames.Major(catalog, m), out var found) ? found : null;
            var readAs = form.Occupations.Zip(occupations)
                .Where(p => p.Second is not null)
                .Select(p => (p.Second!.Code, int.TryParse(p.First.Grade, CultureInfo.InvariantCulture, out var g) && SkillGrade.IsValid(g) ? g : (int?)null))
                .ToList();
            if (query.Step == Step.ChooseSkill)
                SkillChoiceRow.Apply(form.SkillChoices, query.SkillChoice, SkillReadings.Read(catalog, form.SkillList, readAs, SkillChoiceRow.Choices(form.SkillChoices)));
            var readings = SkillReadings.Read(catalog, form.SkillList, readAs, SkillChoiceRow.Choices(form.SkillChoices));
            form.SkillChoices.RemoveAll(c => !readings.Any(r => r.Written == c.Skill?.Trim()));
            return new Editor(profile, form, occupations, major, readings);
        }
    }
}
