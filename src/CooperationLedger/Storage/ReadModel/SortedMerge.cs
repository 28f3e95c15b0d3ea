using System.Runtime.CompilerServices;

namespace CooperationLedger.Storage;

/// <summary>Merges a stream read in order from SQL with a few items in memory, by one order, holding neither whole.</summary>
internal static class SortedMerge
{
    /// <summary>
    /// Streams the items of <paramref name="streamed"/>, which come in <paramref name="order"/>, with those of
    /// <paramref name="held"/> (sorted here) placed among them; an item of each that compare equal comes from the stream first.
    /// </summary>
    public static async IAsyncEnumerable<T> MergeAsync<T>(IAsyncEnumerable<T> streamed, IEnumerable<T> held, IComparer<T> order, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new Queue<T>(held.Order(order));
        await foreach (var item in streamed.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            while (pending.TryPeek(out var next) && order.Compare(next, item) < 0)
            {
                yield return pending.Dequeue();
            }

            yield return item;
        }

        while (pending.TryDequeue(out var rest))
        {
            yield return rest;
        }
    }
}
