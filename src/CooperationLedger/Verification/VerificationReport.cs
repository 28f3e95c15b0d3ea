namespace CooperationLedger.Verification;

/// <summary>What <c>Ledger.VerifyAsync</c> found: quotes that no longer check out, and dates that were inferred.</summary>
/// <param name="FactsChecked">How many stored events were checked.</param>
/// <param name="QuoteProblems">Quotes not found in their stored documents; empty when every quote checks out.</param>
/// <param name="InferredDates">Facts whose effective or publication date was inferred, for an editor to review.</param>
public sealed record VerificationReport(int FactsChecked, IReadOnlyList<QuoteProblem> QuoteProblems, IReadOnlyList<InferredDate> InferredDates)
{
    /// <summary>Gets a value indicating whether every quote was found in its document.</summary>
    public bool QuotesVerified => QuoteProblems.Count == 0;
}
