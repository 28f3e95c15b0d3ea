using CooperationLedger.Money;
using CooperationLedger.Sources;
using CooperationLedger.Time;

namespace CooperationLedger.Facts;

/// <summary>
/// A projected fact as the ledger tells it at one as-of point: the revisions known by then applied (a correction
/// changes values only from its own publication date and recorded time; where several change one value, the latest
/// published wins, then the latest recorded), or <see langword="null"/> when the fact was not yet effective, known or
/// recorded, or had been retracted.
/// </summary>
internal sealed record AsOfResolution(
    LedgerEntry Entry,
    IReadOnlyList<RevisionEntry> Applied,
    ReportedDate Effective,
    Stage Stage,
    MoneyAmount? CorrectedValue,
    decimal? CorrectedStatistic)
{
    public bool IsCorrected => Applied.Count > 0;

    public Standing Standing => IsCorrected ? Standing.Corrected : Standing.Asserted;

    public IReadOnlyList<SourceReference> Sources =>
    [
        new SourceReference(Entry.Id, Entry.Key, SourceRole.Fact, Entry.Citation),
        .. Applied.Select(revision => new SourceReference(revision.Id, revision.Key, SourceRole.Correction, revision.Citation)),
    ];

    public static AsOfResolution? Resolve(LedgerEntry entry, AsOf asOf)
    {
        if (!asOf.IncludesKnown(entry.Citation.Document.PublishedOn) || !asOf.IncludesRecorded(entry.RecordedAt))
        {
            return null;
        }

        var known = entry.Revisions
            .Where(revision => asOf.IncludesKnown(revision.Citation.Document.PublishedOn) && asOf.IncludesRecorded(revision.RecordedAt))
            .OrderBy(revision => revision.Citation.Document.PublishedOn.Latest ?? revision.Citation.Document.PublishedOn.Earliest)
            .ThenBy(revision => revision.RecordedAt)
            .ThenBy(revision => revision.Key, StringComparer.Ordinal)
            .ToArray();
        if (known.Any(revision => revision.IsRetraction))
        {
            return null;
        }

        var changes = known.Select(revision => revision.Changes).OfType<Revisions.Correction>().ToArray();
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
