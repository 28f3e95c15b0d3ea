using CooperationLedger.Facts;
using CooperationLedger.Views;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>Projects every reported fact into a <see cref="TimelineEntry"/> document.</summary>
internal sealed class TimelineProjection : LedgerEntryProjection<TimelineEntry>
{
    public TimelineProjection()
        : base(FactView.Timeline)
    {
    }

    protected override TimelineEntry? EntryFor(IReportedFact fact, Instant recordedAt) => TimelineEntry.From(fact, recordedAt);
}
