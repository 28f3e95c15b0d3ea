namespace CooperationLedger.Facts;

/// <summary>
/// The figure a fact asserts: an amount, a statistic, a count, a poll's results. The signature is the figure as shown;
/// the comparison is what two sources are compared by, a scale (a metric in one normalised unit, a currency) and the
/// figure in it, so that "1.5 tonnes" and "1.5 tons" agree and a share is never set against a weight. Facts of one
/// matter and one scale with different figures are in dispute; facts with no figure (a meeting, an agreement, a claim in
/// words) have none and never dispute. Each kind says what its figure is (<see cref="FactKind"/>).
/// </summary>
internal static class FactSignature
{
    public static string? Of(IReportedFact fact) => FactCatalog.KindOf(fact).SignatureOf(fact);

    /// <summary>Gets what the fact's figure is compared by: a scale and the figure in it, normalised (units, spelling).</summary>
    public static (string Scale, string Figure)? Comparison(IReportedFact fact) => FactCatalog.KindOf(fact).ComparisonOf(fact);
}
