using Gongjiang.Application.Import;

namespace Gongjiang.Web.Pages.Shared;

/// <summary>The upload form, the checked preview and the import's result (_ImportPanel), for the employer's and the operator's import pages.</summary>
public sealed record ImportPanel(ImportPreview? Preview, ImportReport? Report, string? Token, string? Problem, IReadOnlyList<string> Columns, string? Kind);
