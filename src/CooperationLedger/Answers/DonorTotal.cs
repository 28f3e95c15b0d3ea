using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>
/// What one donor gave or pledged to one recipient in one currency, as of a point on the three time axes: pledged,
/// committed and realised amounts kept apart, exact and hedged amounts kept apart, with every source behind the figure.
/// Only stated amounts are summed: a donation whose sources state none is listed in
/// <see cref="DonorTotals.NoAmountStated"/> instead.
/// </summary>
/// <param name="Donor">Who gives.</param>
/// <param name="Recipient">Who receives.</param>
/// <param name="Currency">The currency of the amounts.</param>
/// <param name="Pledged">Amounts a party promised, by when each was announced.</param>
/// <param name="Committed">Amounts bound by an agreement, not yet delivered.</param>
/// <param name="Realised">Amounts delivered.</param>
/// <param name="Expected">Amounts the outlets expect with no party's promise, kept apart from pledges.</param>
/// <param name="Donations">How many donations and grants make up the line, each with a stated amount.</param>
/// <param name="StatedEquivalents">Equivalents in other currencies as the sources print them; never converted or summed.</param>
/// <param name="Sources">Every event the figure is derived from, with its citation.</param>
public sealed record DonorTotal(
    Actor Donor,
    Actor Recipient,
    Currency Currency,
    AmountTotal Pledged,
    AmountTotal Committed,
    AmountTotal Realised,
    AmountTotal Expected,
    int Donations,
    IReadOnlyList<StatedEquivalent> StatedEquivalents,
    IReadOnlyList<SourceReference> Sources)
{
    /// <summary>
    /// Gets when the line's promises and expectations are due, where their sources say: each donation with its due
    /// date, by key; <see langword="null"/> when none says. A pledge is counted from its announcement, whatever its due date.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PromiseDue>? Due { get; init; }

    /// <summary>
    /// Gets the ids of the facts summed in the line, by key: the keys of <see cref="DonorTotalsListing.ReadSourcesAsync"/>,
    /// where a listing gives each fact's sources once and leaves <see cref="Sources"/> empty.
    /// </summary>
    public IReadOnlyList<Guid> Facts { get; init; } = [];
}

/// <summary>When one promised or expected donation is due, as its source says.</summary>
/// <param name="FactId">The donation's fact id.</param>
/// <param name="Key">The donation's key.</param>
/// <param name="Due">When it is due (the fact's <c>expected</c>).</param>
public sealed record PromiseDue(Guid FactId, string Key, ReportedDate Due);
