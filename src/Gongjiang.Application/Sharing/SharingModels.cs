using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Application.Sharing;

/// <summary>Kinds of a seeker's contact data an employer may ask for and be given (PIPL art. 23: the kinds are named).</summary>
[Flags]
public enum ContactKinds { None = 0, Name = 1, Phone = 2, Email = 4, All = Name | Phone | Email }

public static class ContactKindNames
{
    public static readonly (ContactKinds Kind, string File, string Chinese)[] Each =
        [(ContactKinds.Name, "name", "姓名"), (ContactKinds.Phone, "phone", "手机号"), (ContactKinds.Email, "email", "电子邮箱")];

    public static IReadOnlyList<string> ToFileNames(ContactKinds kinds) => Each.Where(e => kinds.HasFlag(e.Kind)).Select(e => e.File).ToList();

    public static string ToChinese(ContactKinds kinds) => string.Join("、", Each.Where(e => kinds.HasFlag(e.Kind)).Select(e => e.Chinese));

    /// <summary>name/phone/email into flags; null when one of them is unknown.</summary>
    public static ContactKinds? Parse(IEnumerable<string?>? names)
    {
        var kinds = ContactKinds.None;
        foreach (var name in names ?? [])
        {
            var match = Each.FirstOrDefault(e => string.Equals(e.File, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match.Kind == ContactKinds.None) return null;
            kinds |= match.Kind;
        }
        return kinds;
    }
}

public enum ContactRequestStatus { Pending, Granted, Declined }

/// <summary>An employer asks a seeker for contact data, saying why and which kinds (联系方式授权申请).</summary>
public sealed class ContactRequest
{
    public string Id { get; set; } = "";
    public string TalentId { get; set; } = "";
    public string EmployerId { get; set; } = "";
    public string RequestedByUserId { get; set; } = "";
    public string Purpose { get; set; } = "";
    public ContactKinds Kinds { get; set; }
    public ContactRequestStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? GrantId { get; set; }
}

/// <summary>
/// A seeker's separate consent (PIPL art. 23) to give one employer the named kinds of contact data for a stated purpose.
/// Revocable at any time; once revoked the data is masked again for that employer.
/// </summary>
public sealed class ConsentGrant
{
    public string Id { get; set; } = "";
    public string TalentId { get; set; } = "";
    public string EmployerId { get; set; } = "";
    public string Purpose { get; set; } = "";
    public ContactKinds Kinds { get; set; }
    public DateTime GrantedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public string? RequestId { get; set; }

    public bool IsActive => RevokedAt is null;
}

/// <summary>One view of a résumé by someone other than its owner (谁看过我的简历): who, when, what was shown, why.</summary>
public sealed class ResumeView
{
    public long Id { get; set; }
    public string TalentId { get; set; } = "";
    public string ViewerUserId { get; set; } = "";
    public string? ViewerEmployerId { get; set; }
    public DateTime At { get; set; }
    /// <summary>The contact kinds shown in full; None means the masked résumé only.</summary>
    public ContactKinds Shown { get; set; }
    /// <summary>page or api.</summary>
    public string Channel { get; set; } = "";
    /// <summary>Where the résumé was opened from (<see cref="ResumeSources"/>: board, recommendations, search, invitation); null when not said.</summary>
    public string? Source { get; set; }
    public string? Purpose { get; set; }
}

/// <summary>The places an employer opens a résumé from, as the view log and the API name them.</summary>
public static class ResumeSources
{
    public const string Board = "board";
    public const string Recommendations = "recommendations";
    public const string Search = "search";
    public const string Invitation = "invitation";

    public static readonly IReadOnlyList<string> All = [Board, Recommendations, Search, Invitation];

    /// <summary>The known name for <paramref name="text"/> (any case), or null when it names no source.</summary>
    public static string? Find(string? text) => All.FirstOrDefault(s => string.Equals(s, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The log's words for a source (Chinese key, translated on pages).</summary>
    public static string ChineseName(string? source) => source switch
    {
        Board => "招聘看板",
        Recommendations => "推荐人才",
        Search => "人才搜索",
        Invitation => "邀请投递",
        _ => "",
    };
}

internal sealed class ContactRequestConfiguration : IEntityTypeConfiguration<ContactRequest>
{
    public void Configure(EntityTypeBuilder<ContactRequest> b)
    {
        b.ToTable("ContactRequests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(40);
        b.Property(r => r.TalentId).HasMaxLength(40);
        b.Property(r => r.EmployerId).HasMaxLength(40);
        b.Property(r => r.RequestedByUserId).HasMaxLength(450);
        b.Property(r => r.Purpose).HasMaxLength(500);
        b.Property(r => r.GrantId).HasMaxLength(40);
        b.HasIndex(r => new { r.TalentId, r.Status });
        b.HasIndex(r => new { r.EmployerId, r.TalentId });
        b.HasOne<Core.Talent.TalentProfile>().WithMany().HasForeignKey(r => r.TalentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Core.Employers.Employer>().WithMany().HasForeignKey(r => r.EmployerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsentGrantConfiguration : IEntityTypeConfiguration<ConsentGrant>
{
    public void Configure(EntityTypeBuilder<ConsentGrant> b)
    {
        b.ToTable("ConsentGrants");
        b.HasKey(g => g.Id);
        b.Property(g => g.Id).HasMaxLength(40);
        b.Property(g => g.TalentId).HasMaxLength(40);
        b.Property(g => g.EmployerId).HasMaxLength(40);
        b.Property(g => g.Purpose).HasMaxLength(500);
        b.Property(g => g.RevokedReason).HasMaxLength(200);
        b.Property(g => g.RequestId).HasMaxLength(40);
        b.Ignore(g => g.IsActive);
        b.HasIndex(g => new { g.TalentId, g.EmployerId, g.RevokedAt });
        b.HasOne<Core.Talent.TalentProfile>().WithMany().HasForeignKey(g => g.TalentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Core.Employers.Employer>().WithMany().HasForeignKey(g => g.EmployerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResumeViewConfiguration : IEntityTypeConfiguration<ResumeView>
{
    public void Configure(EntityTypeBuilder<ResumeView> b)
    {
        b.ToTable("ResumeViews");
        b.HasKey(v => v.Id);
        b.Property(v => v.TalentId).HasMaxLength(40);
        b.Property(v => v.ViewerUserId).HasMaxLength(450);
        b.Property(v => v.ViewerEmployerId).HasMaxLength(40);
        b.Property(v => v.Channel).HasMaxLength(10);
        b.Property(v => v.Source).HasMaxLength(20);
        b.Property(v => v.Purpose).HasMaxLength(500);
        b.HasIndex(v => new { v.TalentId, v.At });
        b.HasOne<Core.Talent.TalentProfile>().WithMany().HasForeignKey(v => v.TalentId).OnDelete(DeleteBehavior.Cascade);
    }
}
