using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Resolution;

/// <summary>
/// A projected fact as the ledger tells it at one as-of point: the revisions known by then applied (a correction
/// changes values only from its own publication date and recorded time; where several change one value, the latest
/// published wins, then the latest recorded), or <see langword="null"/> when the fact was not yet effective, known or
/// recorded, or had been retracted.
/// </summary>
internal sealed record AsOfResolution(
    LedgerEntry Entry,
    IReadOnlyList<EntryRevision> Applied,
    ReportedDate Effective,
    Stage Stage,
    MoneyAmount? CorrectedValue,
    decimal? CorrectedStatistic)
{
    public bool IsCorrected => Applied.Count > 0;

    public Standing Standing => IsCorrected ? Standing.Corrected : Standing.Asserted;

    /// <summary>Gets where the fact's event and the events of the revisions applied are stored, for their citations.</summary>
    public IEnumerable<StreamPosition> Addresses =>
        Applied.Select(revision => revision.Source).Prepend(Entry.Source).OfType<StreamPosition>();

    /// <summary>Gets the sources of the fact as resolved: the fact's own, then each revision applied.</summary>
    /// <param name="citations">The citations of the fact and of its revisions.</param>
    public IReadOnlyList<SourceReference> Sources(CitationLookup citations) =>
    [
        new SourceReference(Entry.Id, Entry.Key, SourceRole.Fact, citations.For(Entry.Id)),
        .. Applied.Select(revision => new SourceReference(revision.Id, revision.Key, SourceRole.Correction, citations.For(revision.Id))),
    ];

    /// <summary>Resolves each of <paramref name="entries"/> once, keeping those the ledger tells at <paramref name="asOf"/>, in order.</summary>
    public static AsOfResolution[] ResolveAll(IEnumerable<LedgerEntry> entries, AsOf asOf) =>
        entries.Select(entry => Resolve(entry, asOf)).OfType<AsOfResolution>().ToArray();

    public static AsOfResolution? Resolve(LedgerEntry entry, AsOf asOf)
    {
        if (entry.PublishedOn is null)
        {
            throw new InvalidOperationException(
                $"The projected entry of fact {entry.Key} was written by an earlier version of the ledger; rebuild the projections once (`ledger rebuild`, or Ledger.RebuildProjectionsAsync).");
        }

        if (!asOf.IncludesKnown(entry.PublishedOn) || !asOf.IncludesRecorded(entry.RecordedAt))
        {
            return null;
        }

        var known = entry.Revisions
            .Where(revision => asOf.IncludesKnown(revision.PublishedOn) && asOf.IncludesRecorded(revision.RecordedAt))
            .OrderBy(revision => revision.PublishedOn.Latest ?? revision.PublishedOn.Earliest)
            .ThenBy(revision => revision.RecordedAt)
            .ThenBy(revision => revision.Key, StringComparer.Ordinal)
            .ToArray();
        if (known.Any(revision => revision.IsRetraction))
        {
            return null;
        }

        var changes = known.Select(revision => revision.Changes).OfType<Correction>().ToArray();
        var effective = changes.LastOrDefault(change => change.Effective is not null)?.Effective ?? entry.Effective;
        if (!asOf.IncludesEffective(effective))
        {
            return null;
        }

        return new AsOfResolution(
            entry,
            known,
            effective,
            changes.LastOrDefault(change => change.Stage is not null)?.Stage ?? entry.Stage,
            changes.LastOrDefault(change => change.Value is not null)?.Value,
            changes.LastOrDefault(change => change.StatisticValue is not null)?.StatisticValue);
    }
}
