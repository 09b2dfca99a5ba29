using Gongjiang.Core.Jobs;

namespace Gongjiang.Web.Pages;

/// <summary>A city picker over the catalog's cities (_CitySelect).</summary>
public sealed record CitySelect(string Name, string? Selected, string AnyLabel = "", string? Id = null, bool Required = false, string? Label = null);

/// <summary>A posting as a card in a list (_JobCard).</summary>
public sealed record JobCard(JobPosting Job, string? EmployerName);

/// <summary>A posting in full, for the detail page and the editor's preview (_JobView).</summary>
public sealed record JobView(JobPosting Job, Gongjiang.Core.Employers.Employer? Employer, bool Preview = false);

/// <summary>Page links that keep the current filters (_Pager).</summary>
public sealed record Pager(int Page, int Pages, int Total, Func<int, string> Link);

/// <summary>
/// How the written skills are read, each with buttons to confirm or refuse the standard item, and the decisions as hidden
/// fields (_SkillReadings). Without script each button submits to <paramref name="ChoiceAction"/>; with script
/// (skill-readings.js) the list follows the skills as they are typed: <paramref name="Sources"/> selects the inputs the
/// skills are typed in, <paramref name="Occupations"/> and <paramref name="Grades"/> those of the occupations and grades.
/// </summary>
public sealed record SkillReadingList(IReadOnlyList<Gongjiang.Application.Skills.SkillReading> Readings,
    IReadOnlyList<Gongjiang.Application.Skills.SkillChoiceRow> Choices, string ChoiceAction, string Sources, string Occupations, string Grades);
