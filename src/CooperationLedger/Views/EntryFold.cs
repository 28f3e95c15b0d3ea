using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using NodaTime;

namespace CooperationLedger.Views;

/// <summary>
/// Folds events, in the order recorded, into the views' entries in memory, by the same evolution a point question
/// runs on the events its rows name (<see cref="EntryEvolution"/>). Folded from every event, it is the naive way to
/// answer an as-of question, which the tests and the benchmark compare the ledger's answers with.
/// </summary>
internal sealed class EntryFold
{
    private readonly Dictionary<Guid, DonationEntry> donations = [];
    private readonly Dictionary<Guid, StatisticClaimEntry> claims = [];
    private readonly Dictionary<Guid, AgreementEntry> agreements = [];
    private readonly Dictionary<Guid, TimelineEntry> timeline = [];
    private readonly Dictionary<Guid, Citation> citations = [];

    public IEnumerable<DonationEntry> Donations => donations.Values;

    public IEnumerable<StatisticClaimEntry> Claims => claims.Values;

    public IEnumerable<AgreementEntry> Agreements => agreements.Values;

    public IEnumerable<TimelineEntry> Timeline => timeline.Values;

    /// <summary>Gets every actor the events folded declare, registered as the ledger registers them, for the answers' actor filters.</summary>
    public ActorDirectory Actors { get; } = ActorDirectory.Empty;

    /// <summary>Gets the citation of every fact and revision folded, for the answers computed from the entries.</summary>
    public CitationLookup Citations => new(citations);

    /// <summary>Gets the entries folded for a fact, one in each projection that keeps it.</summary>
    public IEnumerable<LedgerEntry> EntriesOf(Guid id)
    {
        if (donations.TryGetValue(id, out var donation))
        {
            yield return donation;
        }

        if (claims.TryGetValue(id, out var claim))
        {
            yield return claim;
        }

        if (agreements.TryGetValue(id, out var agreement))
        {
            yield return agreement;
        }

        if (timeline.TryGetValue(id, out var item))
        {
            yield return item;
        }
    }

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

    public static EntryFold Fold(IEnumerable<(object Data, Instant RecordedAt)> events)
    {
        var replay = new EntryFold();
        foreach (var (data, recordedAt) in events)
        {
            replay.Apply(data, recordedAt, source: null);
        }

        return replay;
    }

    /// <summary>Folds one event into the entries.</summary>
    /// <param name="data">The event.</param>
    /// <param name="recordedAt">When the ledger appended it.</param>
    /// <param name="source">Where it is stored, kept in the entries it creates or revises; <see langword="null"/> for events held only in memory.</param>
    public void Apply(object data, Instant recordedAt, StreamPosition? source)
    {
        if (EntryEvolution.EntryId(data) is not { } id)
        {
            return;
        }

        if (data is ILedgerEvent e)
        {
            citations[e.FactId] = e.Citation;
            Actors.Declare(e);
        }

        Evolve(donations, id, data, recordedAt, source, DonationEntry.From);
        Evolve(claims, id, data, recordedAt, source, StatisticClaimEntry.From);
        Evolve(agreements, id, data, recordedAt, source, AgreementEntry.From);
        Evolve(timeline, id, data, recordedAt, source, (fact, at) => TimelineEntry.From(fact, at));
    }

    private static void Evolve<TEntry>(Dictionary<Guid, TEntry> entries, Guid id, object data, Instant recordedAt, StreamPosition? source, Func<IReportedFact, Instant, TEntry?> entryFor)
        where TEntry : LedgerEntry
    {
        entries.TryGetValue(id, out var snapshot);
        if (EntryEvolution.Apply(snapshot, data, recordedAt, source, entryFor) is { } evolved)
        {
            entries[id] = evolved;
        }
    }
}
