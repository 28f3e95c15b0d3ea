using System.Runtime.CompilerServices;
using CooperationLedger.Answers;
using CooperationLedger.Views;

namespace CooperationLedger.Storage;

/// <summary>
/// Adds up the whole ledger's donor totals as their rows pass: the settled donations streamed by line from the read
/// tables (<see cref="DonorTotalRows.ReadAsync"/>), with the open ones, resolved in memory, merged into their lines. The
/// lines come in the order of their keys (donor, recipient, currency), PostgreSQL's <c>"C"</c> order of the same text, so that the open lines are merged in without the settled ones being held.
/// </summary>
internal static class DonorTotalsStream
{
    /// <summary>Streams the lines of <paramref name="settled"/> with <paramref name="open"/> merged in, each line built once.</summary>
    public static async IAsyncEnumerable<DonorTotal> MergeAsync(IAsyncEnumerable<SettledDonation> settled, IEnumerable<DonorTotalBuilder> open, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new Queue<DonorTotalBuilder>(open.OrderBy(line => line.Line, LineOrder.Instance));
        DonorTotalBuilder? current = null;
        await foreach (var donation in settled.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (donation.Starts is { } start)
            {
                if (current is not null)
                {
                    yield return current.Build();
                }

                var line = (start.DonorId, start.RecipientId, start.Currency);
                while (pending.TryPeek(out var next) && LineOrder.Instance.Compare(next.Line, line) < 0)
                {
                    yield return pending.Dequeue().Build();
                }

                current = pending.TryPeek(out var same) && LineOrder.Instance.Compare(same.Line, line) == 0
                    ? pending.Dequeue()
                    : new DonorTotalBuilder(start.DonorId, start.RecipientId, start.Currency);
                current.Name(donation.Key, start.Donor, start.Recipient);
            }

            if (current is null)
            {
                throw new InvalidOperationException($"The settled donation {donation.Key} was read before the line it belongs to was named.");
            }

            current.Add(donation.Id, donation.Key, donation.Stage, donation.Amount, donation.Approximation, donation.UpperBound, donation.Shown?.Value, donation.Shown?.Expected, null);
        }

        if (current is not null)
        {
            yield return current.Build();
        }

        while (pending.TryDequeue(out var rest))
        {
            yield return rest.Build();
        }
    }

    /// <summary>
    /// Orders the keys of lines as PostgreSQL orders text in the <c>"C"</c> collation, by UTF-8 bytes: actor keys and
    /// currency codes are ASCII, for which that is ordinal order.
    /// </summary>
    private sealed class LineOrder : IComparer<(string DonorId, string RecipientId, string Currency)>
    {
        public static LineOrder Instance { get; } = new();

        public int Compare((string DonorId, string RecipientId, string Currency) x, (string DonorId, string RecipientId, string Currency) y) =>
            string.CompareOrdinal(x.DonorId, y.DonorId) is not 0 and var donor ? donor
            : string.CompareOrdinal(x.RecipientId, y.RecipientId) is not 0 and var recipient ? recipient
            : string.CompareOrdinal(x.Currency, y.Currency);
    }
}
