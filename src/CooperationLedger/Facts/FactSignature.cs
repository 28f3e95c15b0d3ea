namespace CooperationLedger.Facts;

/// <summary>
/// The figure a fact asserts, as text that compares equal when two sources agree: an amount, a statistic, a count, a
/// poll's results. Facts about the same matter with different signatures are in dispute; facts with no figure (a
/// meeting, an agreement) have none and never dispute. Each kind says what its figure is (<see cref="FactKind"/>).
/// </summary>
internal static class FactSignature
{
    public static string? Of(IReportedFact fact) => FactCatalog.KindOf(fact).SignatureOf(fact);
}
