using System.Runtime.CompilerServices;
using CooperationLedger.Facts;
using CooperationLedger.Views;
using Marten;

namespace CooperationLedger.Storage;

/// <summary>
/// Reads the whole ledger's donor totals at a point from the read tables (<see cref="ReadModelSql"/>): the settled
/// donations of a stated amount, not disputed, a row each, in the order of their lines, so that a line is added up as
/// its rows pass and the listing is never held whole; what the open facts' rules in memory need; and the settled
/// donations' citations, each read once from its event.
/// </summary>
internal static class DonorTotalRows
{
    /// <summary>
    /// Gets what the settled donations leave to the rules in memory: the ids of those of no stated amount, to be listed;
    /// the matters of those disputed, whose disputes are told from their facts; and the ids of the disputed, which no
    /// total counts, found once here for every read of the listing.
    /// </summary>
    public static async Task<SettledApart> ApartAsync(IQuerySession session, AsOf asOf, IReadOnlyList<OpenFact> open, CancellationToken cancellationToken)
    {
        var (unstated, matters, disputedIds) = (new List<Guid>(), new HashSet<string>(StringComparer.Ordinal), new List<Guid>());
        var sql = $"""
            {ReadModelSql.OpenGiven},
            {ReadModelSql.Disputed(SettledRows.Schema(session), asOf)}
            select s.id, null from {SettledRows.Facts(session)} s where {ReadModelSql.Settled("s", asOf)} and s.donor_id is not null and s.amount is null
            union all
            select d.id, d.matter from disputed d where d.family = 0
            """;
        await foreach (var row in SqlRows.ReadAsync(session, sql, SettledRows.Parameters(session, open), cancellationToken, ReadModelSql.WholeLedger).ConfigureAwait(false))
        {
            if (row.IsDBNull(1))
            {
                unstated.Add(row.GetGuid(0));
            }
            else
            {
                disputedIds.Add(row.GetGuid(0));
                matters.Add(row.GetString(1));
            }
        }

        return new SettledApart(unstated, [.. matters], [.. disputedIds]);
    }

    /// <summary>
    /// Streams the settled donations of a stated amount that no dispute holds, by donor, recipient and currency key (in
    /// code-point order), then by fact key: the first row of each line names it, with the donor and recipient as its
    /// first donation states them.
    /// </summary>
    public static async IAsyncEnumerable<SettledDonation> ReadAsync(IQuerySession session, AsOf asOf, IReadOnlyList<OpenFact> open, SettledApart apart, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var sql = $"""
            {ReadModelSql.OpenGiven}, {SettledRows.DisputedGiven}
            select row_number() over w = 1, s.id, s.key, s.stage, s.amount, s.approximation, s.upper_bound, s.shown,
                   case when row_number() over w = 1 then s.donor_id end, case when row_number() over w = 1 then s.recipient_id end,
                   case when row_number() over w = 1 then s.currency end, case when row_number() over w = 1 then s.donor end,
                   case when row_number() over w = 1 then s.recipient end
            from {SettledRows.Facts(session)} s
            where {ReadModelSql.Settled("s", asOf)} and {Counted} and {NotDisputed}
            window w as (partition by s.donor_id collate "C", s.recipient_id collate "C", s.currency collate "C" order by s.key collate "C")
            order by s.donor_id collate "C", s.recipient_id collate "C", s.currency collate "C", s.key collate "C"
            """;
        await foreach (var row in SqlRows.ReadAsync(session, sql, [.. SettledRows.Parameters(session, open), apart.Disputed.ToArray()], cancellationToken, ReadModelSql.WholeLedger).ConfigureAwait(false))
        {
            var starts = row.GetBoolean(0);
            yield return new SettledDonation(
                row.GetGuid(1),
                row.GetString(2),
                (Stage)row.GetInt32(3),
                row.GetDecimal(4),
                (Approximation)row.GetInt32(5),
                row.IsDBNull(6) ? null : row.GetDecimal(6),
                row.IsDBNull(7) ? null : row.Json<DonationShown>(serializer, 7),
                starts ? new LineStart(row.GetString(8), row.GetString(9), row.GetString(10), row.Json<Actor>(serializer, 11), row.Json<Actor>(serializer, 12)) : null);
        }
    }

    /// <summary>
    /// Streams the citations of the donations <see cref="ReadAsync"/> streams, each read from its event, in the order of
    /// the events (<see cref="SettledRows.CitationsAsync"/>).
    /// </summary>
    public static IAsyncEnumerable<(Guid Id, string Key, Citation Citation)> CitationsAsync(IQuerySession session, AsOf asOf, IReadOnlyList<OpenFact> open, SettledApart apart, CancellationToken cancellationToken) =>
        SettledRows.CitationsAsync(session, asOf, open, apart.Disputed, $"{Counted} and {NotDisputed}", cancellationToken);

    /// <summary>The condition that the settled fact <c>s</c> is a donation of a stated amount.</summary>
    private const string Counted = "s.donor_id is not null and s.amount is not null";

    /// <summary>The condition that no dispute holds the settled fact <c>s</c>, after <see cref="SettledRows.DisputedGiven"/>.</summary>
    private const string NotDisputed = "not exists (select 1 from disputed d where d.id = s.id)";
}

/// <summary>A settled donation of a stated amount, as <see cref="DonorTotalRows.ReadAsync"/> streams it.</summary>
/// <param name="Id">The fact's id.</param>
/// <param name="Key">The fact's key.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="Amount">Its amount.</param>
/// <param name="Approximation">How the amount is hedged.</param>
/// <param name="UpperBound">The upper end of a range.</param>
/// <param name="Shown">Its stated equivalents and due date, when it has either.</param>
/// <param name="Starts">For the first donation of a line, the line it starts; else <see langword="null"/>.</param>
internal sealed record SettledDonation(Guid Id, string Key, Stage Stage, decimal Amount, Approximation Approximation, decimal? UpperBound, DonationShown? Shown, LineStart? Starts);

/// <summary>The line a donation starts, and its actors as that donation (the line's first by key) states them.</summary>
internal sealed record LineStart(string DonorId, string RecipientId, string Currency, Actor Donor, Actor Recipient);

/// <summary>What the settled donations leave to the rules in memory (<see cref="DonorTotalRows.ApartAsync"/>).</summary>
/// <param name="Unstated">The ids of those of no stated amount.</param>
/// <param name="DisputedMatters">The matters of those disputed.</param>
/// <param name="Disputed">The ids of those disputed.</param>
internal sealed record SettledApart(IReadOnlyList<Guid> Unstated, IReadOnlyList<string> DisputedMatters, IReadOnlyList<Guid> Disputed);
