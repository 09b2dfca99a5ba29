using System.Globalization;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Persistence;
using Gongjiang.Application.Taxonomy;
using Gongjiang.Core.Compliance;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Application.Compliance;

/// <summary>When repeat offenders are suspended: this many upheld complaints within this many days.</summary>
public sealed record SuspensionThreshold(int UpheldComplaints, int WithinDays)
{
    public static readonly SuspensionThreshold Default = new(3, 180);
}

/// <summary>
/// Operator-tunable compliance settings kept in SystemSettings: the screening policy (block or warn per rule) and the
/// repeat-offender threshold. Every change is service-logged and applies at once: a saved rule replaces the policy held by
/// <see cref="ScreeningPolicyCache"/>, which new screeners are built from.
/// </summary>
public sealed class ComplianceSettings(AppDbContext db, ServiceLog log, ScreeningPolicyCache policies)
{
    public const string RulePrefix = "screening.rule.";
    public const string SuspensionCountKey = "compliance.suspension.upheld_complaints";
    public const string SuspensionDaysKey = "compliance.suspension.within_days";

    /// <summary>The stored policy: the built-in default overlaid with the operators' choices.</summary>
    public ScreeningPolicy LoadPolicy()
    {
        var stored = db.SystemSettings.AsNoTracking().Where(s => s.Key.StartsWith(RulePrefix)).ToList();
        return Apply(stored);
    }

    public async Task<ScreeningPolicy> LoadPolicyAsync(CancellationToken ct = default)
    {
        var stored = await db.SystemSettings.AsNoTracking().Where(s => s.Key.StartsWith(RulePrefix)).ToListAsync(ct);
        return Apply(stored);
    }

    private static ScreeningPolicy Apply(IEnumerable<SystemSetting> stored)
    {
        var policy = ScreeningPolicy.Default;
        foreach (var setting in stored)
        {
            var rule = setting.Key[RulePrefix.Length..];
            if (ScreeningRules.IsKnown(rule) && FlagSeverities.TryParse(setting.Value, out var severity)) policy = policy.With(rule, severity);
        }
        return policy;
    }

    /// <summary>Makes one rule block or only warn; an unknown rule is refused.</summary>
    public async Task<Result<Done>> SetRuleAsync(string actorUserId, string rule, FlagSeverity severity, CancellationToken ct = default)
    {
        if (!ScreeningRules.IsKnown(rule)) return Error.Invalid("rule", ComplianceErrors.UnknownRule, rule);
        var before = (await LoadPolicyAsync(ct)).SeverityOf(rule);
        if (before == severity) return Done.Value;
        var key = RulePrefix + rule;
        var setting = await db.SystemSettings.FirstOrDefaultAsync(s => s.Key == key, ct);
        var value = FlagSeverities.ToFileName(severity);
        if (setting is null) db.SystemSettings.Add(new SystemSetting { Key = key, Value = value });
        else setting.Value = value;
        log.Write(actorUserId, ServiceActions.ScreeningRuleChanged, ServiceTargets.ScreeningRule, rule,
            $"{(before is { } b ? FlagSeverities.ToFileName(b) : "off")} → {value}");
        await db.SaveChangesAsync(ct);
        policies.Set(await LoadPolicyAsync(ct));
        return Done.Value;
    }

    public async Task<SuspensionThreshold> LoadThresholdAsync(CancellationToken ct = default)
    {
        var keys = new[] { SuspensionCountKey, SuspensionDaysKey };
        var stored = await db.SystemSettings.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        int Read(string key, int fallback) =>
            stored.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
        return new SuspensionThreshold(Read(SuspensionCountKey, SuspensionThreshold.Default.UpheldComplaints), Read(SuspensionDaysKey, SuspensionThreshold.Default.WithinDays));
    }

    /// <summary>Sets the repeat-offender threshold (both at least 1; days at most ten years).</summary>
    public async Task<Result<Done>> SetThresholdAsync(string actorUserId, SuspensionThreshold threshold, CancellationToken ct = default)
    {
        if (threshold.UpheldComplaints is < 1 or > 100) return Error.Invalid("upheldComplaints", ComplianceErrors.ThresholdRange);
        if (threshold.WithinDays is < 1 or > 3650) return Error.Invalid("withinDays", ComplianceErrors.ThresholdRange);
        var before = await LoadThresholdAsync(ct);
        if (before == threshold) return Done.Value;
        foreach (var (key, value) in new[] { (SuspensionCountKey, threshold.UpheldComplaints), (SuspensionDaysKey, threshold.WithinDays) })
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            var setting = await db.SystemSettings.FirstOrDefaultAsync(s => s.Key == key, ct);
            if (setting is null) db.SystemSettings.Add(new SystemSetting { Key = key, Value = text });
            else setting.Value = text;
        }
        log.Write(actorUserId, ServiceActions.SettingChanged, ServiceTargets.Setting, "suspension_threshold",
            $"{before.UpheldComplaints}/{before.WithinDays}d → {threshold.UpheldComplaints}/{threshold.WithinDays}d");
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }
}
