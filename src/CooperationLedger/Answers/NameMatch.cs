namespace CooperationLedger.Answers;

/// <summary>What a question can be narrowed to by a name the ledger holds (<see cref="Ledger.MatchNameAsync"/>).</summary>
public enum NameKind
{
    /// <summary>A source document, by its key (<see cref="FactScope.Document"/>), exactly.</summary>
    Document,

    /// <summary>An outlet that published a document or was relayed by one (<see cref="FactScope.Outlet"/>), in any case.</summary>
    Outlet,

    /// <summary>The matter that groups what sources claim about one figure (<see cref="ClaimFilter.Matter"/>), exactly.</summary>
    Matter,

    /// <summary>A claimed statistic's metric (<see cref="ClaimFilter.Metric"/>), in any case.</summary>
    Metric,
}

/// <summary>
/// Whether a name is one the ledger holds, as a question's filter compares it, and, when it is not, the names spelt
/// nearest to it: so that a misspelt name is told from one with no facts of the question.
/// </summary>
/// <param name="Kind">What the name names.</param>
/// <param name="Text">The name, trimmed.</param>
/// <param name="Found">Whether the ledger holds it.</param>
/// <param name="Suggestions">When not found, the nearest names the ledger holds, nearest first (at most three); else empty.</param>
public sealed record NameMatch(NameKind Kind, string Text, bool Found, IReadOnlyList<string> Suggestions);
