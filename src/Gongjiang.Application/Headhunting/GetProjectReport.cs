using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Headhunting;

namespace Gongjiang.Application.Headhunting;

/// <summary>
/// The project's weekly or monthly report (项目周报/月报: "weekly", the default, or "monthly"): new and cumulative counts per
/// stage and the delivery rate, for the agency and, read-only, for the client.
/// </summary>
public static class GetProjectReport
{
    public sealed record Query(string ProjectId, string? Period = null) : IUseCase<ProjectReportView>;

    public sealed record ProjectReportView(ProjectView View, ProjectReport Report);

    public sealed class Handler(ProjectRules rules) : IUseCaseHandler<Query, ProjectReportView>
    {
        public async Task<Result<ProjectReportView>> HandleAsync(Query query, CancellationToken ct)
        {
            ReportPeriod period;
            if (string.IsNullOrEmpty(query.Period) || query.Period.Equals("weekly", StringComparison.OrdinalIgnoreCase)) period = ReportPeriod.Weekly;
            else if (query.Period.Equals("monthly", StringComparison.OrdinalIgnoreCase)) period = ReportPeriod.Monthly;
            else return Error.Invalid("period", HeadhuntingErrors.UnknownPeriod);
            var view = await rules.VisibleAsync(await rules.ActorAsync(ct), query.ProjectId, ct);
            return view.Succeeded ? new ProjectReportView(view.Value, ProjectReport.Build(view.Value.Project, period, rules.Today)) : view.Cast<ProjectReportView>();
        }
    }
}
