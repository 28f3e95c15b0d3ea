using CooperationLedger.Views;

namespace CooperationLedger.Storage;

/// <summary>Projects every reported fact into a <see cref="TimelineEntry"/> document.</summary>
internal sealed class TimelineProjection : LedgerEntryProjection<TimelineEntry>
{
    public TimelineProjection()
        : base(EntryShapes.Timeline)
    {
    }
}
