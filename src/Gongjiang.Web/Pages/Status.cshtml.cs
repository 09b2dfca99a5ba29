using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongjiang.Web.Pages;

/// <summary>What a browser sees when a request cannot be answered: the status in words and a way back, in the site's layout.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>Whatever the method of the request that failed (a DELETE to a page is re-executed here as a DELETE).</summary>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var routed = RouteData.Values.TryGetValue("code", out var value) && int.TryParse(value?.ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 404;
        Code = Normalize(routed);
    }

    private int Normalize(int code)
    {
        var status = code is >= 400 and < 600 ? code : 404;
        // Re-executed for another request's status: keep that status on the response.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null) Response.StatusCode = status;
        return status;
    }

    /// <summary>The title and the explanation, as keys of the shared resources.</summary>
    public (string Title, string Text) Words => Code switch
    {
        400 => ("请求有误", "提交的内容无法处理，请返回上一页检查后重试。"),
        403 => ("无权访问", "当前账号不能打开此页面。"),
        404 => ("页面不存在", "您要找的页面或记录不存在，可能已被删除或链接有误。"),
        405 => ("不支持该操作", "此页面不接受这样的提交，请返回上一页重新操作。"),
        413 => ("文件过大", "上传的内容超过了大小限制。"),
        429 => ("操作过于频繁", "请稍等片刻再试。"),
        >= 500 => ("服务暂时出错", "服务器处理请求时出错，请稍后再试。"),
        _ => ("请求未完成", "请返回上一页重试。"),
    };
}
