using Gongjiang.Core.Taxonomy;

namespace Gongjiang.Matching.Titles;

/// <summary>Accuracy of predicted codes against labels at the four levels of the classification.</summary>
public sealed record TitleAccuracy(int Count, int Skipped, double Exact, double Minor, double Middle, double Major)
{
    /// <summary>Compares predictions with labels; a pair whose label is not a well-formed code is skipped.</summary>
    public static TitleAccuracy Measure(IEnumerable<(string Predicted, string Expected)> pairs)
    {
        int count = 0, skipped = 0, exact = 0, minor = 0, middle = 0, major = 0;
        foreach (var (predicted, expected) in pairs)
        {
            if (!OccupationCode.IsWellFormed(expected)) { skipped++; continue; }
            count++;
            if (!OccupationCode.IsWellFormed(predicted)) continue;
            if (predicted == expected) exact++;
            if (predicted[..7] == expected[..7]) minor++;
            if (predicted[..4] == expected[..4]) middle++;
            if (predicted[0] == expected[0]) major++;
        }
        double Share(int hits) => count == 0 ? 0 : Math.Round((double)hits / count, 3);
        return new TitleAccuracy(count, skipped, Share(exact), Share(minor), Share(middle), Share(major));
    }
}
