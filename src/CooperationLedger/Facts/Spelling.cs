namespace CooperationLedger.Facts;

/// <summary>
/// How near two spellings are, for "did you mean": the optimal string alignment distance (insertions, deletions,
/// substitutions and swaps of neighbours, each 1), compared ignoring case. Only the names near as wholes are offered
/// when there are any, those at most one step behind the nearest; else a text of four letters or more is offered the
/// names whose beginning it is within one step of (<c>Kyrgz</c> for <c>Kyrgyzstan</c>), shortest first: people type
/// the start of a long name.
/// </summary>
internal static class Spelling
{
    /// <summary>Gets the candidates within reach of <paramref name="text"/>, nearest first, then in ordinal order.</summary>
    /// <param name="text">What was typed.</param>
    /// <param name="candidates">What it may have meant.</param>
    /// <param name="most">How many to give at most.</param>
    public static IReadOnlyList<string> Nearest(string text, IEnumerable<string> candidates, int most = 3)
    {
        var reach = Reach(text);
        var measured = candidates.Distinct(StringComparer.Ordinal).Select(candidate => (Candidate: candidate, Distances: Distances(text, candidate))).ToArray();
        var whole = measured.Where(match => match.Distances.Whole <= reach).ToArray();
        if (whole.Length > 0)
        {
            // Names far behind the nearest are noise beside it: i223 is meant by i23, not i148.
            var best = whole.Min(match => match.Distances.Whole);
            return whole.Where(match => match.Distances.Whole <= best + 1)
                .OrderBy(match => match.Distances.Whole).ThenBy(match => match.Candidate, StringComparer.Ordinal)
                .Take(most).Select(match => match.Candidate).ToArray();
        }

        return text.Length < BegunLength ? []
            : measured.Where(match => match.Distances.Begun <= 1)
                .OrderBy(match => match.Distances.Begun).ThenBy(match => match.Candidate.Length).ThenBy(match => match.Candidate, StringComparer.Ordinal)
                .Take(most).Select(match => match.Candidate).ToArray();
    }

    /// <summary>Gets " Did you mean 'a' or 'b'?" for the nearest spellings, or nothing when there are none.</summary>
    public static string DidYouMean(IReadOnlyList<string> nearest) =>
        nearest.Count == 0 ? string.Empty : $" Did you mean {string.Join(" or ", nearest.Select(candidate => $"'{candidate}'"))}?";

    /// <summary>Gets how far a spelling may be from <paramref name="text"/> and still be what it meant: a third of its length, at least 1.</summary>
    private static int Reach(string text) => Math.Max(1, text.Length / 3);

    /// <summary>How long a text must be for a name it is near the beginning of to be offered.</summary>
    private const int BegunLength = 4;

    /// <summary>
    /// Gets the distance from <paramref name="first"/> to <paramref name="second"/> as a whole, and to the nearest
    /// beginning of it (any of its prefixes).
    /// </summary>
    private static (int Whole, int Begun) Distances(string first, string second)
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

        var begun = int.MaxValue;
        for (var j = 0; j <= b.Length; j++)
        {
            begun = Math.Min(begun, distances[a.Length, j]);
        }

        return (distances[a.Length, b.Length], begun);
    }
}
