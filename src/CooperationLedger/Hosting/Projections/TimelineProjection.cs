using CooperationLedger.Agreements;
using CooperationLedger.Claims;
using CooperationLedger.Donations;
using CooperationLedger.Engagements;
using CooperationLedger.Facts;
using CooperationLedger.Timeline;
using NodaTime;

namespace CooperationLedger.Hosting.Projections;

/// <summary>Projects every reported fact into a <see cref="TimelineEntry"/> document.</summary>
internal sealed class TimelineProjection : LedgerEntryProjection<TimelineEntry>
{
    public TimelineProjection()
    {
        Route<AgreementSigned>();
        Route<EquipmentDonated>();
        Route<GrantProvided>();
        Route<TrainingProvided>();
        Route<StatisticClaimed>();
        Route<OperationResultsClaimed>();
        Route<AwardConferred>();
        Route<MeetingHeld>();
        Route<StructureEstablished>();
        Route<ExerciseHeld>();
        Route<PollPublished>();
    }

    protected override TimelineEntry? EntryFor(IReportedFact fact, Instant recordedAt) => TimelineEntry.From(fact, recordedAt);
}
