using CooperationLedger.Agreements;
using CooperationLedger.Claims;
using CooperationLedger.Donations;
using CooperationLedger.Timeline;
using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>
/// The naive way to answer an as-of query: fold every event, in the order recorded, into entries in memory. The
/// benchmarks measure the projections against it, and the tests check that both give the same answers.
/// </summary>
internal sealed class EventReplay
{
    private readonly Dictionary<Guid, DonationEntry> donations = [];
    private readonly Dictionary<Guid, StatisticClaimEntry> claims = [];
    private readonly Dictionary<Guid, AgreementEntry> agreements = [];
    private readonly Dictionary<Guid, TimelineEntry> timeline = [];

    public IEnumerable<DonationEntry> Donations => donations.Values;

    public IEnumerable<StatisticClaimEntry> Claims => claims.Values;

    public IEnumerable<AgreementEntry> Agreements => agreements.Values;

    public IEnumerable<TimelineEntry> Timeline => timeline.Values;

    /// <summary>Starts the fold from an entry already projected, so that revisions of it in the events apply to it.</summary>
    public void Include(LedgerEntry entry)
    {
        switch (entry)
        {
            case DonationEntry donation:
                donations[donation.Id] = donation;
                break;
            case StatisticClaimEntry claim:
                claims[claim.Id] = claim;
                break;
            case AgreementEntry agreement:
                agreements[agreement.Id] = agreement;
                break;
            case TimelineEntry item:
                timeline[item.Id] = item;
                break;
        }
    }

    public static EventReplay Fold(IEnumerable<(object Data, Instant RecordedAt)> events)
    {
        var replay = new EventReplay();
        foreach (var (data, recordedAt) in events)
        {
            replay.Apply(data, recordedAt);
        }

        return replay;
    }

    public void Apply(object data, Instant recordedAt)
    {
        if (EntryEvolution.EntryId(data) is not { } id)
        {
            return;
        }

        Evolve(donations, id, data, recordedAt, DonationEntry.From);
        Evolve(claims, id, data, recordedAt, StatisticClaimEntry.From);
        Evolve(agreements, id, data, recordedAt, AgreementEntry.From);
        Evolve(timeline, id, data, recordedAt, (fact, at) => TimelineEntry.From(fact, at));
    }

    private static void Evolve<TEntry>(Dictionary<Guid, TEntry> entries, Guid id, object data, Instant recordedAt, Func<IReportedFact, Instant, TEntry?> entryFor)
        where TEntry : LedgerEntry
    {
        entries.TryGetValue(id, out var snapshot);
        if (EntryEvolution.Apply(snapshot, data, recordedAt, entryFor) is { } evolved)
        {
            entries[id] = evolved;
        }
    }
}
