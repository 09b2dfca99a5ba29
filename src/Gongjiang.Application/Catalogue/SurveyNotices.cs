using Gongjiang.Application.Notifications;
using Gongjiang.Application.Persistence;
using Gongjiang.Core.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Catalogue;

/// <summary>
/// Tells drawn employers about a demand survey: every HR user of each hears about it in the inbox (and by e-mail when
/// the user has one), with a link to the needs form. Queued in the caller's unit of work.
/// </summary>
public sealed class SurveyNotices(AppDbContext db, INotifier notifier)
{
    public const string InvitedKind = "survey.invited";
    public const string ReminderKind = "survey.reminder";

    public async Task TellAsync(DemandSurvey survey, IReadOnlyCollection<string> employerIds, bool reminder, CancellationToken ct)
    {
        if (employerIds.Count == 0) return;
        var users = await db.Users.Where(u => u.EmployerId != null && employerIds.Contains(u.EmployerId) && u.DisabledAt == null)
            .Select(u => u.Id).ToListAsync(ct);
        var (kind, title, body) = reminder
            ? (ReminderKind, $"提醒：{survey.Period} 用人需求调查尚未填报",
                $"贵单位被抽中参加 {survey.Period} 用人需求调查，目前尚未填报。请在调查关闭前填写需要的职业、等级和人数。")
            : (InvitedKind, $"{survey.Period} 用人需求调查",
                $"贵单位被抽中参加 {survey.Period} 用人需求调查。请填写需要的职业、等级、人数和紧急程度，结果将进入园区急需紧缺人才目录。");
        foreach (var userId in users)
            await notifier.QueueAsync(new Notice(kind, title, body, NoticeChannels.InApp | NoticeChannels.Email, RecipientUserId: userId,
                Link: "/Employer/Survey"), ct);
    }
}
