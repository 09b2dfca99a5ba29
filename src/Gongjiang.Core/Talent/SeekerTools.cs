namespace Gongjiang.Core.Talent;

/// <summary>How a seeker marked a job: 收藏 (saved) or 不感兴趣 (not interested: it leaves their recommendations).</summary>
public enum JobMarkKind { Saved = 0, NotInterested }

/// <summary>A seeker's mark on a job; one per job and kind.</summary>
public sealed class JobMark
{
    public string TalentId { get; set; } = "";
    public string JobId { get; set; } = "";
    public JobMarkKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A company the seeker blocked (屏蔽公司): it never finds, opens or invites this seeker's résumé.</summary>
public sealed class CompanyBlock
{
    public string TalentId { get; set; } = "";
    public string EmployerId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>One job in a seeker's work history (工作经历): where, as what, from when to when (null: 至今), doing what.</summary>
public sealed class WorkExperience
{
    public string Employer { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The first month (day 1).</summary>
    public DateOnly Start { get; set; }
    /// <summary>The last month (day 1); null while the seeker still works there (至今).</summary>
    public DateOnly? End { get; set; }
    public string Duties { get; set; } = "";
}

/// <summary>
/// An attachment résumé (附件简历) a seeker uploaded: a PDF or DOCX whose bytes live in the file store under the data
/// folder, named by their SHA-256; the row keeps only what describes it.
/// </summary>
public sealed class ResumeAttachment
{
    public string Id { get; set; } = "";
    public string TalentId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string FileHash { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}
