using Gongjiang.Application.Common.UseCases;
using Gongjiang.Web.Pages.Shared;

namespace Gongjiang.Web.Pages.Employer;

/// <summary>导入进度 of a background import this user started (an employer's own jobs).</summary>
public sealed class ImportProgressModel(IUseCases useCases) : ImportProgressPage(useCases)
{
    public override string BackUrl => "/Employer/Import";
}
