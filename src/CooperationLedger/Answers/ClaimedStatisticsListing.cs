using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>
/// The whole ledger's claimed statistics as of a point, to be read as they are streamed rather than held whole: the same
/// claims as <see cref="Ledger.GetClaimedStatisticsAsync"/> gives with no filter, in the same order, each with an empty
/// <see cref="ClaimedStatistic.Sources"/>, and their citations read apart, each claim's once. Every read is at the
/// listing's point, the recorded instant included, so that what is recorded after the listing was made is in none of
/// them; each read may be repeated and gives the same.
/// </summary>
/// <remarks>The disputes are fewer than the claims and come whole, each version with its citation.</remarks>
public sealed class ClaimedStatisticsListing
{
    private readonly Func<CancellationToken, IAsyncEnumerable<ClaimedStatistic>> claims;
    private readonly Func<CancellationToken, IAsyncEnumerable<FactSources>> sources;

    internal ClaimedStatisticsListing(
        AsOf asOf,
        IReadOnlyList<Dispute> disputes,
        Func<CancellationToken, IAsyncEnumerable<ClaimedStatistic>> claims,
        Func<CancellationToken, IAsyncEnumerable<FactSources>> sources)
    {
        (AsOf, Disputes) = (asOf, disputes);
        (this.claims, this.sources) = (claims, sources);
    }

    /// <summary>
    /// Gets an answer held whole (a filtered <see cref="Ledger.GetClaimedStatisticsAsync"/>) in the form of a listing:
    /// its claims without their sources, in its order, and each claim's sources apart, in the same order.
    /// </summary>
    /// <param name="claims">The answer.</param>
    /// <returns>The listing, read from memory.</returns>
    public static ClaimedStatisticsListing From(ClaimedStatistics claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var ordered = claims.Claims.Order(Order).ToArray();
        var lines = ordered.Select(claim => claim with { Sources = [] }).ToArray();
        var sources = ordered.Select(claim => new FactSources(claim.FactId, claim.Sources)).ToArray();
        return new ClaimedStatisticsListing(claims.AsOf, claims.Disputes, _ => lines.ToAsyncEnumerable(), _ => sources.ToAsyncEnumerable());
    }

    /// <summary>
    /// Gets the order claims are listed in: by metric (in code-point order, as SQL streams them), then by the earliest day
    /// of their period (a claim of no period, or of a period with no earliest day, first), then by key.
    /// </summary>
    internal static IComparer<ClaimedStatistic> Order { get; } = Comparer<ClaimedStatistic>.Create((x, y) =>
        CodePointOrder.Instance.Compare(x.Metric, y.Metric) is var metric and not 0 ? metric
        : Nullable.Compare(x.Period?.Earliest, y.Period?.Earliest) is var period and not 0 ? period
        : string.CompareOrdinal(x.Key, y.Key));

    /// <summary>Gets the point, as the question gave it.</summary>
    public AsOf AsOf { get; }

    /// <summary>Gets the matters on which claims state different figures, by matter, as <see cref="ClaimedStatistics.Disputes"/>.</summary>
    public IReadOnlyList<Dispute> Disputes { get; }

    /// <summary>
    /// Streams the claims, each with an empty <see cref="ClaimedStatistic.Sources"/>, by metric (in code-point order),
    /// the earliest day of their period (none first) and key, as <see cref="ClaimedStatistics.Claims"/> lists them. A
    /// transient failure of the database before the first claim is retried; one after it is not.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The claims.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries, or stopped answering during the read.</exception>
    public IAsyncEnumerable<ClaimedStatistic> ReadClaimsAsync(CancellationToken cancellationToken = default) => claims(cancellationToken);

    /// <summary>
    /// Streams the sources of the claims, each claim once: its own citation, then those of the corrections applied to it
    /// at the point, as a claim's <see cref="ClaimedStatistic.Sources"/> lists them. A transient failure of the database
    /// before the first is retried; one after it is not.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sources, by claim, in no order that the claims' is.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries, or stopped answering during the read.</exception>
    public IAsyncEnumerable<FactSources> ReadSourcesAsync(CancellationToken cancellationToken = default) => sources(cancellationToken);
}
