namespace CooperationLedger.Answers;

/// <summary>
/// What <c>Ledger.VerifyAsync</c> found: quotes that no longer check out, dates that were inferred, and facts the
/// projections have lost (which every answer would then leave out).
/// </summary>
/// <param name="FactsChecked">How many stored events were checked.</param>
/// <param name="QuoteProblems">Quotes not found in their stored articles; empty when every quote checks out.</param>
/// <param name="InferredDates">Facts whose effective or publication date was inferred, for an editor to review.</param>
/// <param name="FactsWithoutEntries">How many stored facts have no entry in the projections; 0 when they are whole.</param>
public sealed record VerificationReport(int FactsChecked, IReadOnlyList<QuoteProblem> QuoteProblems, IReadOnlyList<InferredDate> InferredDates, int FactsWithoutEntries = 0)
{
    /// <summary>Gets a value indicating whether every quote was found in its document.</summary>
    public bool QuotesVerified => QuoteProblems.Count == 0;

    /// <summary>Gets a value indicating whether every stored fact has its entry in the projections (else rebuild them).</summary>
    public bool ProjectionsComplete => FactsWithoutEntries == 0;
}
