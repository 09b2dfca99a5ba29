using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Core.Compliance;

namespace Gongjiang.Application.Compliance;

/// <summary>
/// An operator makes screening rules block publication or only warn (<c>block</c>, <c>warn</c> per rule name). The change
/// applies at once and each changed rule goes to the service log; rules not named keep their setting.
/// </summary>
public static class SetScreeningRules
{
    public sealed record Command(IReadOnlyDictionary<string, string?> Severities) : IUseCase<Done>;

    public sealed class Handler(ComplianceRules rules, ComplianceSettings settings) : IUseCaseHandler<Command, Done>
    {
        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken ct)
        {
            var op = await rules.OperatorAsync(ct);
            if (!op.Succeeded) return op.Cast<Done>();
            var errors = new ErrorList();
            var chosen = new List<(string Rule, FlagSeverity Severity)>();
            foreach (var (rule, value) in command.Severities)
            {
                if (!ScreeningRules.IsKnown(rule)) errors.Add("rule", ComplianceErrors.UnknownRule, rule);
                else if (FlagSeverities.TryParse(value, out var severity)) chosen.Add((rule, severity));
            }
            if (!errors.IsEmpty) return errors;
            foreach (var (rule, severity) in chosen)
            {
                var set = await settings.SetRuleAsync(op.Value.UserId, rule, severity, ct);
                if (!set.Succeeded) return set;
            }
            return Done.Value;
        }
    }
}
