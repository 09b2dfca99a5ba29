namespace Gongjiang.Core.Campus;

/// <summary>
/// A campus recruiting campaign (校园招聘): an employer targets graduates of given majors, schools and graduation year, sends
/// them a notice about its linked jobs, and holds campus talks (宣讲会). Reach, response and applications are counted.
/// </summary>
public sealed class CampusCampaign
{
    public string Id { get; set; } = "";
    public string EmployerId { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The outreach notice's text.</summary>
    public string Message { get; set; } = "";
    /// <summary>Major codes of the national catalogue (专业目录); empty for any major.</summary>
    public List<string> MajorCodes { get; set; } = [];
    /// <summary>Schools as written on résumés; empty for any school.</summary>
    public List<string> Schools { get; set; } = [];
    public int GraduationYear { get; set; }
    /// <summary>The employer's jobs the campaign recruits for; applications to them from the audience are counted.</summary>
    public List<string> JobIds { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Changes with every edit, so an edit made on a stale copy is refused instead of overwriting another.</summary>
    public Guid Version { get; set; }
    public List<CampaignRecipient> Recipients { get; set; } = [];
    public List<CampusTalk> Talks { get; set; } = [];

    /// <summary>A campaign is finished once it has held its campus talks: it has some, and every one of them has started.</summary>
    public bool IsFinished(DateTime now) => Talks.Count > 0 && Talks.All(t => t.StartsAt <= now);

    /// <summary>Whether a seeker's education puts them in the campaign's audience.</summary>
    public bool Targets(string? majorCode, string? school, int? graduationYear) =>
        graduationYear == GraduationYear
        && (MajorCodes.Count == 0 || (majorCode is not null && MajorCodes.Contains(majorCode)))
        && (Schools.Count == 0 || (school is not null && Schools.Contains(school.Trim())));
}

/// <summary>One seeker the outreach reached: when, through which channels (flags as the notifier defines them), and whether they responded.</summary>
public sealed class CampaignRecipient
{
    public long Id { get; set; }
    public string CampaignId { get; set; } = "";
    public string TalentId { get; set; } = "";
    public int Channels { get; set; }
    public DateTime SentAt { get; set; }
    /// <summary>First response: opened the notice's link, or answered (signed up for a talk); null before.</summary>
    public DateTime? RespondedAt { get; set; }
    public string? Response { get; set; }
}

/// <summary>A campus talk (宣讲会): a scheduled session at a school with a place, a time and a capacity; seekers sign up.</summary>
public sealed class CampusTalk
{
    public string Id { get; set; } = "";
    public string CampaignId { get; set; } = "";
    public string School { get; set; } = "";
    public string Place { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public int Capacity { get; set; }
    public List<TalkSignup> Signups { get; set; } = [];
}

public sealed class TalkSignup
{
    public long Id { get; set; }
    public string TalkId { get; set; } = "";
    public string TalentId { get; set; } = "";
    public DateTime At { get; set; }
}
