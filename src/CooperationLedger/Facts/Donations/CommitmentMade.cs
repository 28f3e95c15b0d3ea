namespace CooperationLedger.Facts;

/// <summary>
/// A party committed its own resources to a purpose (a recipient government agreeing to co-finance a project). It is
/// not aid to that party, and never counts in donor totals.
/// </summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Party">Who commits its resources.</param>
/// <param name="Purpose">What they go to, as the source says.</param>
/// <param name="Value">How much, as stated; <see langword="null"/> when the source gives no amount.</param>
/// <param name="Effective">When it was committed, or spent.</param>
/// <param name="Stage">Committed by default; pledged for a promise to commit, realised once spent.</param>
/// <param name="Matter">The matter key shared with other reports of the same commitment, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record CommitmentMade(
    Guid FactId,
    string Key,
    Actor Party,
    string Purpose,
    MoneyAmount? Value,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>commitment_made</c>; feeds the timeline only, never the donations view.</summary>
    internal static readonly FactKind<CommitmentMade> Descriptor = new("commitment_made", Read)
    {
        DefaultStage = Stage.Committed,
        Summary = e => e.Stage == Stage.Realised
            ? $"{e.Party.Name} put {(e.Value is null ? "its own resources" : e.Value.ToString())} into {e.Purpose}"
            : $"{e.Party.Name} commits {(e.Value is null ? "its own resources" : e.Value.ToString())} to {e.Purpose}",
        Actors = e => [e.Party],
        Signature = e => e.Value?.ToString(),
        Compared = e => e.Value?.Comparison,
        Example = """
            date: 2011-09
            party: kg
            purpose: the refurbishment of the Dostuk checkpoint
            value: { amount: 2000000, currency: KGS, approximation: about }
            """,
    };

    private static CommitmentMade? Read(IFactReading r, FactHeader h)
    {
        var party = r.Actor("party");
        var purpose = r.Fields.Text("purpose", required: true, 500);
        var value = r.Money(r.Fields, "value");
        return party is null || purpose is null ? null
            : new CommitmentMade(h.Id, h.Key, party, purpose, value, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }
}
