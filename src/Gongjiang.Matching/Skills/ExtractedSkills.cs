namespace Gongjiang.Matching.Skills;

/// <summary>What a job description or résumé says about skills: each list deduplicated and in text order.</summary>
public sealed record ExtractedSkills(
    IReadOnlyList<SkillMention> Skills,
    IReadOnlyList<CertificateMention> Certificates,
    IReadOnlyList<GradeMention> Grades)
{
    public static ExtractedSkills Empty { get; } = new([], [], []);

    /// <summary>The highest national skill grade named (the lowest number), or null.</summary>
    public int? HighestGrade => Grades.Where(g => g.Grade is not null).Select(g => g.Grade).Min();
}

/// <summary>A skill, by its canonical name; <see cref="IsStandardItem"/> when it is a skill item of a national standard.</summary>
public sealed record SkillMention(string Name, int Offset, bool IsStandardItem);

/// <summary>A certificate (焊工证, 特种作业操作证, 高级工证…); <see cref="Grade"/> when the certificate names a skill grade.</summary>
public sealed record CertificateMention(string Name, int Offset, int? Grade);

/// <summary>A national skill grade mention: <see cref="Grade"/> is 5 (五级/初级工) … 1 (一级/高级技师).</summary>
public sealed record GradeMention(string Text, int Offset, int? Grade);
