using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Compliance;
using Gongjiang.Application.Matching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages.Operator;

/// <summary>公平性监测: recommendation, application, interview and hire rates by gender and age band, from the outcomes.</summary>
public sealed class FairnessModel(IUseCases useCases) : PageModel
{
    public FairnessReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var report = await useCases.RunAsync(new GetFairnessReport.Query(), ct);
        Report = report.Succeeded ? report.Value : null;
    }
}
