using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using Marten;

namespace CooperationLedger.Appending;

/// <content>Deciding, against what the ledger holds, which facts of a document are new, present, or in conflict.</content>
internal sealed partial class Ingestor
{
    private static async Task<Plan> PlanAsync(IQuerySession session, ParsedFactFile file, IReadOnlySet<Guid> batchFacts, CancellationToken cancellationToken) =>
        await PlanAsync(session, file, batchFacts, await LoadRecordsAsync(session, [file], cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Loads, in one query, the index records of every fact of the documents and of every fact they revise.</summary>
    private static async Task<IReadOnlyDictionary<Guid, FactRecord>> LoadRecordsAsync(IQuerySession session, IEnumerable<ParsedFactFile> files, CancellationToken cancellationToken)
    {
        var ids = files.SelectMany(file => file.Events)
            .SelectMany(e => e is IRevision revision ? new[] { e.FactId, revision.Revises } : [e.FactId])
            .Distinct()
            .ToArray();
        return (await session.LoadManyAsync<FactRecord>(cancellationToken, ids).ConfigureAwait(false)).ToDictionary(record => record.Id);
    }

    private static async Task<Plan> PlanAsync(IQuerySession session, ParsedFactFile file, IReadOnlySet<Guid> batchFacts, IReadOnlyDictionary<Guid, FactRecord> records, CancellationToken cancellationToken)
    {
        var errors = new List<FactFileError>();
        var fresh = new List<ILedgerEvent>();
        var present = 0;
        foreach (var e in file.Events)
        {
            var factKey = e.Key[(e.Key.IndexOf('/', StringComparison.Ordinal) + 1)..];
            if (records.TryGetValue(e.FactId, out var stored))
            {
                if (stored.ContentHash == FactFingerprint.Of(e))
                {
                    present++;
                    continue;
                }

                var differences = await DescribeDifferencesAsync(session, stored, e, cancellationToken).ConfigureAwait(false);
                errors.Add(new FactFileError(
                    file.Path,
                    factKey,
                    null,
                    $"the ledger already holds '{e.Key}' with other content, and a recorded fact is never overwritten (record a correction instead). Differences: {differences}"));
                continue;
            }

            if (e is IRevision revision
                && !batchFacts.Contains(revision.Revises)
                && !(records.TryGetValue(revision.Revises, out var target) && !target.IsRevision))
            {
                errors.Add(new FactFileError(
                    file.Path,
                    factKey,
                    revision is FactCorrected ? "corrects" : "retracts",
                    "names a fact that is neither in the ledger nor in this ingest."));
                continue;
            }

            fresh.Add(e);
        }

        // A fact goes before any revision of it, whatever the file's order.
        return new Plan([.. fresh.Where(e => e is not IRevision), .. fresh.Where(e => e is IRevision)], present, errors, records.Values.Any(record => record.DocumentKey == file.Document.Key));
    }

    private static async Task<string> DescribeDifferencesAsync(IQuerySession session, FactRecord stored, ILedgerEvent incoming, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(stored.StreamId, token: cancellationToken).ConfigureAwait(false);
        var original = events.Select(e => e.Data).OfType<ILedgerEvent>().FirstOrDefault(e => e.FactId == stored.Id);
        return original is null
            ? $"stored fingerprint {stored.ContentHash[..12]}, file fingerprint {FactFingerprint.Of(incoming)[..12]}"
            : string.Join("; ", FactFingerprint.Differences(original, incoming));
    }

    /// <summary>
    /// Puts each document after the documents whose facts it revises, so that a correction is never appended before the
    /// fact it corrects; otherwise keeps the order of the files.
    /// </summary>
    private static List<ParsedFactFile> OrderByRevisionTargets(IReadOnlyList<ParsedFactFile> files, List<FactFileError> errors)
    {
        var owner = files.SelectMany(file => file.Events.Select(e => (e.FactId, file))).ToDictionary(pair => pair.FactId, pair => pair.file);
        var ordered = new List<ParsedFactFile>();
        var placed = new HashSet<ParsedFactFile>();
        var remaining = files.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(file => file.Events.OfType<IRevision>()
                .All(revision => !owner.TryGetValue(revision.Revises, out var target) || target == file || placed.Contains(target)));
            if (ready is null)
            {
                errors.AddRange(remaining.Select(file => new FactFileError(file.Path, null, null, "its revisions and another file's revisions refer to each other in a circle.")));
                return [];
            }

            ordered.Add(ready);
            placed.Add(ready);
            remaining.Remove(ready);
        }

        return ordered;
    }

    /// <param name="New">The events to append, facts before revisions.</param>
    /// <param name="Present">How many of the document's events the ledger already holds.</param>
    /// <param name="Errors">Conflicts and missing revision targets.</param>
    /// <param name="StreamExists">Whether the ledger already holds events of this document (so its stream exists).</param>
    private sealed record Plan(IReadOnlyList<ILedgerEvent> New, int Present, IReadOnlyList<FactFileError> Errors, bool StreamExists);
}
