namespace Gongjiang.Core.Taxonomy;

/// <summary>How a written skill's standard item (技能项) came about: read by the platform, confirmed by the person who wrote it, or refused by them.</summary>
public enum SkillItemStatus
{
    /// <summary>Read by the skill recogniser and not yet looked at; read again on every save.</summary>
    Read = 0,
    /// <summary>The writer confirmed the item: it stays as it is on later saves.</summary>
    Confirmed = 1,
    /// <summary>The writer said the skill is not the item read: it is kept as written, with no item, on later saves.</summary>
    Declined = 2,
}
