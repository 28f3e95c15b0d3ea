using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>
/// The whole ledger's donor totals as of a point, to be read as they are added up rather than held whole: the same
/// totals as <see cref="Ledger.GetDonorTotalsAsync"/> gives with no filter, each naming its facts
/// (<see cref="DonorTotal.Facts"/>) rather than repeating their citations, and the citations read apart, each fact's
/// once. Every read is at the listing's point, the recorded instant included, so that what is recorded after the
/// listing was made is in none of them; each read may be repeated and gives the same.
/// </summary>
/// <remarks>
/// The totals come by donor, recipient and currency key (in code-point order), not by name as in
/// <see cref="DonorTotals"/>; the donations of no stated amount and the disputes are few and come whole, with their sources.
/// </remarks>
public sealed class DonorTotalsListing
{
    private readonly Func<CancellationToken, IAsyncEnumerable<DonorTotal>> totals;
    private readonly Func<CancellationToken, IAsyncEnumerable<FactSources>> sources;

    internal DonorTotalsListing(
        AsOf asOf,
        IReadOnlyList<DonationWithoutAmount> noAmountStated,
        IReadOnlyList<Dispute> disputes,
        Func<CancellationToken, IAsyncEnumerable<DonorTotal>> totals,
        Func<CancellationToken, IAsyncEnumerable<FactSources>> sources)
    {
        (AsOf, NoAmountStated, Disputes) = (asOf, noAmountStated, disputes);
        (this.totals, this.sources) = (totals, sources);
    }

    /// <summary>
    /// Gets an answer held whole (a filtered <see cref="Ledger.GetDonorTotalsAsync"/>) in the form of a listing: its
    /// totals with their facts and without their sources, by donor, recipient and currency key as a listing's come, and
    /// the sources of their facts apart, each fact's own followed by the corrections applied to it, as the answer lists them.
    /// </summary>
    /// <param name="totals">The answer.</param>
    /// <returns>The listing, read from memory.</returns>
    public static DonorTotalsListing From(DonorTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        // A listing's lines come by key, as the whole ledger's are streamed; actor keys and currency codes are ASCII, so
        // ordinal order is their code-point order.
        var ordered = totals.Totals
            .OrderBy(total => total.Donor.Id, StringComparer.Ordinal)
            .ThenBy(total => total.Recipient.Id, StringComparer.Ordinal)
            .ThenBy(total => total.Currency.Code, StringComparer.Ordinal)
            .ToArray();
        var sources = new List<FactSources>();
        foreach (var total in ordered)
        {
            var facts = total.Facts.ToHashSet();
            foreach (var source in total.Sources)
            {
                if (facts.Contains(source.FactId) || sources.Count == 0)
                {
                    sources.Add(new FactSources(source.FactId, [source]));
                }
                else
                {
                    sources[^1] = sources[^1] with { Sources = [.. sources[^1].Sources, source] };
                }
            }
        }

        var lines = ordered.Select(total => total with { Sources = [] }).ToArray();
        return new DonorTotalsListing(totals.AsOf, totals.NoAmountStated, totals.Disputes, _ => lines.ToAsyncEnumerable(), _ => sources.ToAsyncEnumerable());
    }

    /// <summary>Gets the point, as the question gave it.</summary>
    public AsOf AsOf { get; }

    /// <summary>Gets the donations and grants whose sources state no amount, each with its sources, as <see cref="DonorTotals.NoAmountStated"/>.</summary>
    public IReadOnlyList<DonationWithoutAmount> NoAmountStated { get; }

    /// <summary>Gets the disputed donations, left out of every total, as <see cref="DonorTotals.Disputes"/>.</summary>
    public IReadOnlyList<Dispute> Disputes { get; }

    /// <summary>
    /// Streams the totals, each with its facts' ids in <see cref="DonorTotal.Facts"/> and an empty
    /// <see cref="DonorTotal.Sources"/>, by donor, recipient and currency key. A transient failure of the database before
    /// the first total is retried; one after it is not.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries, or stopped answering during the read.</exception>
    public IAsyncEnumerable<DonorTotal> ReadTotalsAsync(CancellationToken cancellationToken = default) => totals(cancellationToken);

    /// <summary>
    /// Streams the sources of the facts the totals name, each fact once: its own citation, then those of the corrections
    /// applied to it at the point, as a total's <see cref="DonorTotal.Sources"/> lists them. A transient failure of the
    /// database before the first is retried; one after it is not.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sources, by fact.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries, or stopped answering during the read.</exception>
    public IAsyncEnumerable<FactSources> ReadSourcesAsync(CancellationToken cancellationToken = default) => sources(cancellationToken);
}

/// <summary>The sources of one fact an answer names: its own, then those of the corrections applied to it at the point.</summary>
/// <param name="FactId">The fact's id.</param>
/// <param name="Sources">Its sources, its own first.</param>
public sealed record FactSources(Guid FactId, IReadOnlyList<SourceReference> Sources);
