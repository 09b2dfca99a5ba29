namespace Gongjiang.Market;

/// <summary>The hidden truth of a posting: what the employer really needs. Compact so 200k jobs stay small.</summary>
internal struct JobLatent
{
    public short Occupation;
    public sbyte MinGrade;      // 0 = no grade required
    public sbyte SkillGrade;    // the grade whose standard items the posting lists (0 = keywords only)
    public sbyte Education;     // EducationLevel, 0 = any
    public byte Status;         // JobStatus
    public short City;          // index in Geography.Cities
    public int District;        // index in Geography.Districts
    public int Employer;
    public float ExperienceMin;
    public ulong Skills;        // bits of OccupationModel.Terms
}

/// <summary>The hidden truth of a seeker: trade, grade, skills, where they live and would work.</summary>
internal struct TalentLatent
{
    public short Occupation;
    public short Occupation2;   // -1 = none
    public sbyte Grade;         // 0 = ungraded
    public sbyte Grade2;
    public sbyte Education;     // EducationLevel
    public short City;
    public short Willing1;      // -1 = none
    public short Willing2;
    public int District;
    public float Experience;
    public ulong Skills;
    public ulong Skills2;
}
