using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using JasperFx.Events;
using Marten.Events.Projections;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>
/// The shape of every ledger projection: one document per reported fact, keyed by the fact's id, to which corrections
/// and retractions (from any document's stream) are added as revisions (see <see cref="EntryEvolution"/>). Each subclass
/// lists its fact types explicitly and builds its document; a test proves that each one runs.
/// </summary>
internal abstract class LedgerEntryProjection<TEntry> : MultiStreamProjection<TEntry, Guid>
    where TEntry : LedgerEntry
{
    protected LedgerEntryProjection()
    {
        Identity<FactCorrected>(e => e.Revises);
        Identity<FactRetracted>(e => e.Revises);
    }

    public override TEntry? Evolve(TEntry? snapshot, Guid id, IEvent e) =>
        EntryEvolution.Apply(snapshot, e.Data, Instant.FromDateTimeOffset(e.Timestamp), new EventAddress(e.StreamId, e.Version), EntryFor);

    /// <summary>Routes a fact type to this projection, by the fact's own id.</summary>
    protected void Route<TFact>()
        where TFact : IReportedFact => Identity<TFact>(fact => fact.FactId);

    protected abstract TEntry? EntryFor(IReportedFact fact, Instant recordedAt);
}
