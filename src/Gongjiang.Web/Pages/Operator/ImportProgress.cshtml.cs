using Gongjiang.Application.Common.UseCases;
using Gongjiang.Web.Pages.Shared;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>导入进度 of a background import this user started (any, for an operator).</summary>
public sealed class ImportProgressModel(IUseCases useCases) : ImportProgressPage(useCases)
{
    public override string BackUrl => "/Operator/Import";
}
