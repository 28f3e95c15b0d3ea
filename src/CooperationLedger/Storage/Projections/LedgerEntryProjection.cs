using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using JasperFx.Events;
using Marten.Events.Projections;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>
/// The shape of every ledger projection: one document per reported fact, keyed by the fact's id, to which corrections
/// and retractions (from any document's stream) are added as revisions (see <see cref="EntryEvolution"/>). Each subclass
/// names its view's entry (<see cref="EntryShapes"/>); the fact types routed to it are the kinds the catalog says feed that view (<see cref="FactCatalog"/>).
/// </summary>
internal abstract class LedgerEntryProjection<TEntry> : MultiStreamProjection<TEntry, Guid>
    where TEntry : LedgerEntry
{
    private readonly EntryShape<TEntry> shape;

    protected LedgerEntryProjection(EntryShape<TEntry> shape)
    {
        this.shape = shape;
        var routes = new Routes(this);
        foreach (var kind in FactCatalog.Feeding(shape.View))
        {
            kind.Accept(routes);
        }

        Identity<FactCorrected>(e => e.Revises);
        Identity<FactRetracted>(e => e.Revises);
    }

    public override TEntry? Evolve(TEntry? snapshot, Guid id, IEvent e) =>
        EntryEvolution.Apply(snapshot, e.Data, Instant.FromDateTimeOffset(e.Timestamp), new StreamPosition(e.StreamId, e.Version), shape.From);

    /// <summary>Routes each kind visited to the projection, by the fact's own id.</summary>
    private sealed class Routes(LedgerEntryProjection<TEntry> projection) : IFactKindVisitor
    {
        public void Visit<TFact>(FactKind<TFact> kind)
            where TFact : class, IReportedFact => projection.Identity<TFact>(fact => fact.FactId);
    }
}
