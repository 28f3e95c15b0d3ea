namespace CooperationLedger.Facts;

/// <summary>
/// How near two spellings are, for "did you mean": the optimal string alignment distance (insertions, deletions,
/// substitutions and swaps of neighbours, each 1), compared ignoring case.
/// </summary>
internal static class Spelling
{
    /// <summary>Gets the candidates within reach of <paramref name="text"/>, nearest first, then in ordinal order.</summary>
    /// <param name="text">What was typed.</param>
    /// <param name="candidates">What it may have meant.</param>
    /// <param name="most">How many to give at most.</param>
    public static IReadOnlyList<string> Nearest(string text, IEnumerable<string> candidates, int most = 3) =>
        candidates.Distinct(StringComparer.Ordinal)
            .Select(candidate => (Candidate: candidate, Distance: Distance(text, candidate)))
            .Where(match => match.Distance <= Reach(text))
            .OrderBy(match => match.Distance).ThenBy(match => match.Candidate, StringComparer.Ordinal)
            .Take(most)
            .Select(match => match.Candidate)
            .ToArray();

    /// <summary>Gets how far a spelling may be from <paramref name="text"/> and still be what it meant: a third of its length, at least 1.</summary>
    public static int Reach(string text) => Math.Max(1, text.Length / 3);

    public static int Distance(string first, string second)
    {
        var a = first.ToUpperInvariant();
        var b = second.ToUpperInvariant();
        var distances = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            distances[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            distances[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(distances[i - 1, j] + 1, distances[i, j - 1] + 1), distances[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, distances[i - 2, j - 2] + 1);
                }

                distances[i, j] = best;
            }
        }

        return distances[a.Length, b.Length];
    }
}
