using CooperationLedger.Storage;
using Marten;
using NodaTime;

namespace CooperationLedger.Hosting;

/// <summary>
/// Adds the ledger to a Marten store: its events under stable names, its read tables and their inline projection, and
/// its indexes.
/// </summary>
public static class LedgerStoreOptionsExtensions
{
    /// <summary>
    /// Registers the ledger on <paramref name="options"/>: its events under their stable snake_case names, its inline
    /// projections, its documents and their indexes, the event metadata its audits show (correlation and causation
    /// ids, headers, user names), and NodaTime's converters on the store's System.Text.Json serializer. Everything else
    /// about the store stays as the application set it: its serializer's casing and enum storage, its schema, its
    /// documents and projections, and its <c>Events.TimeProvider</c> unless <paramref name="clock"/> is given.
    /// </summary>
    /// <param name="options">The store's options.</param>
    /// <param name="clock">
    /// The clock that stamps recorded times, set as the store's <c>Events.TimeProvider</c>; when omitted, the store's
    /// own time provider stamps them.
    /// </param>
    /// <returns>The same options, for chaining.</returns>
    /// <remarks>
    /// Calling it again is harmless, and configures a serializer chosen since. The ledger's projections are inline:
    /// they are updated in the transaction that appends the events. Do not run the ledger under Marten's
    /// <c>HotCold</c> async daemon (see docs/patched-lock.md). <see cref="Ledger"/> checks the store it is given, and
    /// refuses one whose serializer cannot keep the ledger's facts (a serializer chosen after this call, outside
    /// <c>services.AddCooperationLedger()</c>), saying what to change.
    /// </remarks>
    public static StoreOptions AddCooperationLedger(this StoreOptions options, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LedgerStoreConfiguration.Apply(options, clock);
    }
}
