using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Skills;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Core.Compliance;
using Gongjiang.Core.Employers;
using Gongjiang.Core.Jobs;
using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Application.Jobs;

/// <summary>
/// The job editor between saves: opens a new or owned posting, previews the form as seekers will see it with its
/// screening (发布前审核) and errors, suggests occupations for the title with their confidences until the poster picks
/// one (<see cref="OccupationNames"/>; nothing is filled in for them), and adds, removes or fills skill rows from
/// the national skill standard. Nothing is saved.
/// </summary>
public static class ReviewJobDraft
{
    public enum Step { Open, Preview, AddSkill, RemoveSkill, StandardSkills }

    /// <summary>The best reading of the title and its alternatives.</summary>
    public const int SuggestionCount = 4;

    public enum Notice { None, NoSkillStandard, StandardSkillsFilled, StandardSkillsFilledNearestGrade }

    /// <param name="Form">The form as posted; null opens the posting as saved (or a new one).</param>
    /// <param name="Argument">The occupation picked (Preview) or the row to remove (RemoveSkill).</param>
    /// <param name="SkillChoice">A button of the skill readings pressed on Preview ("confirm:CNC编程", "decline:…", "undo:…").</param>
    public sealed record Query(string? JobId, JobForm? Form, Step Step = Step.Open, string? Argument = null, string? SkillChoice = null) : IUseCase<Editor>;

    public sealed record Editor(Employer Company, JobPosting? Existing, JobForm Form, JobPosting Preview, Occupation? Occupation,
        IReadOnlyList<OccupationAnswer> Suggestions, ScreeningResult? Screening, IReadOnlyList<Error> Errors, Notice Notice,
        string? WhyCannotPublish, DateOnly Today)
    {
        /// <summary>How each written skill is read, for the poster to confirm or refuse.</summary>
        public IReadOnlyList<SkillReading> SkillReadings { get; init; } = [];
    }

    public sealed class Handler(PostingRules rules, TaxonomyCatalog catalog, OccupationNames names) : IUseCaseHandler<Query, Editor>
    {
        public async Task<Result<Editor>> HandleAsync(Query query, CancellationToken ct)
        {
            var employer = await rules.EmployerAsync(ct);
            if (!employer.Succeeded) return employer.Cast<Editor>();
            JobPosting? existing = null;
            if (query.JobId is { Length: > 0 } id)
            {
                var owned = await rules.OwnJobAsync(employer.Value, id, ct);
                if (!owned.Succeeded) return owned.Cast<Editor>();
                existing = owned.Value;
            }
            var form = query.Form ?? (existing is null ? JobForm.New(employer.Value.CityCode, rules.Today) : JobForm.From(existing));
            var notice = Notice.None;
            IReadOnlyList<Error> errors = [];
            switch (query.Step)
            {
                case Step.Preview:
                    if (!string.IsNullOrEmpty(query.Argument)) form.OccupationCode = query.Argument;
                    var checkedJob = rules.Check(form, employer.Value, existing);
                    if (!checkedJob.Succeeded) errors = checkedJob.Errors;
                    break;
                case Step.AddSkill:
                    form.Skills.Add(new JobSkillRow());
                    break;
                case Step.RemoveSkill:
                    if (int.TryParse(query.Argument, CultureInfo.InvariantCulture, out var row) && row >= 0 && row < form.Skills.Count) form.Skills.RemoveAt(row);
                    break;
                case Step.StandardSkills:
                    notice = FillStandardSkills(form);
                    break;
            }
            if (query.Step != Step.AddSkill) form.Padded();
            var occupation = rules.OccupationOf(form.OccupationCode);
            IReadOnlyList<(string, int?)> readAs = occupation is null ? []
                : [(occupation.Code, int.TryParse(form.MinGrade, CultureInfo.InvariantCulture, out var minGrade) && SkillGrade.IsValid(minGrade) ? minGrade : null)];
            var written = form.Skills.Select(s => s.Name);
            if (query.SkillChoice is { Length: > 0 } choice)
                SkillChoiceRow.Apply(form.SkillChoices, choice, SkillReadings.Read(catalog, written, readAs, SkillChoiceRow.Choices(form.SkillChoices)));
            var readings = SkillReadings.Read(catalog, written, readAs, SkillChoiceRow.Choices(form.SkillChoices));
            // Decisions on skills no longer written are dropped.
            form.SkillChoices.RemoveAll(c => !readings.Any(r => r.Written == c.Skill?.Trim()));
            var preview = form.Sketch(existing?.Id ?? "", employer.Value.Id, occupation?.Code, existing?.PostedAt ?? rules.Today);
            var screening = query.Form is null && existing is null || string.IsNullOrWhiteSpace(form.Title) ? null : rules.Screen(preview);
            var suggestions = occupation is null && !string.IsNullOrWhiteSpace(form.Title) ? names.Find(form.Title, SuggestionCount) : [];
            return new Editor(employer.Value, existing, form, preview, occupation, suggestions, screening, errors, notice,
                employer.Value.WhyCannotPublish(rules.Now), rules.Today) { SkillReadings = readings };
        }

        /// <summary>The skill items and weights of the national skill standard of the chosen occupation at the required grade.</summary>
        private Notice FillStandardSkills(JobForm form)
        {
            var code = form.OccupationCode?.Trim() ?? "";
            var grade = int.TryParse(form.MinGrade, CultureInfo.InvariantCulture, out var g) && SkillGrade.IsValid(g) ? g : (int?)null;
            var items = catalog.SkillItemsByOccupation.TryGetValue(code, out var all) ? all.Where(i => i.Grade is not null).ToArray() : [];
            if (items.Length == 0) return Notice.NoSkillStandard;
            var useGrade = grade is { } wanted && items.Any(i => i.Grade == wanted) ? wanted : items.Max(i => i.Grade!.Value);
            var chosen = items.Where(i => i.Grade == useGrade).DistinctBy(i => i.Name).ToList();
            var total = chosen.Sum(i => i.WeightPercent ?? 0);
            form.Skills = chosen.Select(i => new JobSkillRow
            {
                Name = i.Name,
                Weight = total > 0 ? Math.Round((i.WeightPercent ?? 0) * 100 / total).ToString(CultureInfo.InvariantCulture) : null,
            }).ToList();
            return grade == useGrade ? Notice.StandardSkillsFilled : Notice.StandardSkillsFilledNearestGrade;
        }
    }
}
