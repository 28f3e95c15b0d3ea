using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using Marten;

namespace CooperationLedger.Appending;

/// <summary>
/// Decides, against what the ledger holds, which facts of each document are new, present, or in conflict, and in which
/// order documents go so that a revision never comes before the fact it revises. It reads; it never writes.
/// </summary>
internal static class IngestPlanner
{
    /// <summary>
    /// Checks documents that have been read against each other and the ledger (duplicate keys, actors, conflicting
    /// facts, revision targets, circles of revisions), and plans each one.
    /// </summary>
    /// <returns>The documents in the order to append them, each with its plan.</returns>
    /// <exception cref="FactFileException">Anything is wrong: every error, and nothing planned.</exception>
    public static async Task<IReadOnlyList<(ParsedFactFile File, DocumentPlan Plan)>> CheckAsync(LedgerSessions sessions, IReadOnlyList<ParsedFactFile> parsed, bool dryRun, CancellationToken cancellationToken)
    {
        var errors = DuplicateKeys(parsed, (key, files) => new FactFileError(files[^1].Path, null, "document.key", $"'{key}' is also the key of {files[0].Path}."));
        var ordered = errors.Count == 0 ? OrderByRevisionTargets(parsed, errors) : [];
        var planned = new List<(ParsedFactFile File, DocumentPlan Plan)>();
        if (errors.Count == 0)
        {
            // A ledger with no tables yet holds nothing to check against, and a dry run does not create them.
            var held = await sessions.Guard.CheckAsync(cancellationToken).ConfigureAwait(false) || !dryRun;
            await using var query = sessions.Query();
            var registered = !dryRun || sessions.Guard.Found(typeof(ActorRegistration));
            await ActorRegistry.CheckAsync(held && registered ? query : null, ordered, errors, pending: null, cancellationToken).ConfigureAwait(false);
            var records = held ? await LoadIndexedAsync(query, ordered, cancellationToken).ConfigureAwait(false) : new Dictionary<Guid, IndexedFact>();
            var batchFacts = FactsOf(parsed);
            foreach (var file in ordered)
            {
                var plan = await PlanAsync(query, file, batchFacts, records, cancellationToken).ConfigureAwait(false);
                errors.AddRange(plan.Errors);
                planned.Add((file, plan));
            }

            errors.AddRange(MisfitCorrections(ordered, records));
        }

        if (errors.Count > 0)
        {
            throw ParsedFactFile.Refusal(errors, parsed);
        }

        return planned;
    }

    /// <summary>
    /// Refuses each correction that changes a figure the fact it corrects does not have: an amount, for a fact that is
    /// no donation, or a statistic's value, for a fact that claims none. Appended, it would change nothing, and yet the
    /// fact's audit would show it corrected. The fact is found among the documents or in the ledger; one found in
    /// neither is refused by the plan.
    /// </summary>
    public static IEnumerable<FactFileError> MisfitCorrections(IReadOnlyList<ParsedFactFile> files, IReadOnlyDictionary<Guid, IndexedFact> records)
    {
        var given = files.SelectMany(file => file.Events).OfType<IReportedFact>().DistinctBy(fact => fact.FactId)
            .ToDictionary(fact => fact.FactId, fact => (fact.Key, Kind: FactCatalog.KindOf(fact)));
        foreach (var file in files)
        {
            foreach (var corrected in file.Events.OfType<FactCorrected>())
            {
                var target = given.TryGetValue(corrected.Revises, out var fact) ? fact
                    : records.TryGetValue(corrected.Revises, out var record) && FactCatalog.Find(record.Type) is { } kind ? (record.Key, Kind: kind)
                    : ((string Key, FactKind Kind)?)null;
                if (target is not { } found)
                {
                    continue;
                }

                if (corrected.Changes.Value is not null && !found.Kind.Feeds(FactView.Donations))
                {
                    yield return file.Error(corrected, "changes.value", $"'{found.Key}' is a {found.Kind.Name} fact, which states no amount to correct.");
                }

                if (corrected.Changes.StatisticValue is not null && !found.Kind.Feeds(FactView.Claims))
                {
                    yield return file.Error(corrected, "changes.statisticValue", $"'{found.Key}' is a {found.Kind.Name} fact, which claims no statistic whose value could be corrected.");
                }
            }
        }
    }

    /// <summary>Gets the reported facts of documents: the ones their revisions may revise though the ledger lacks them.</summary>
    public static HashSet<Guid> FactsOf(IEnumerable<ParsedFactFile> files) =>
        files.SelectMany(file => file.Events).OfType<IReportedFact>().Select(fact => fact.FactId).ToHashSet();

    /// <summary>Reports each document key given to more than one of <paramref name="files"/>.</summary>
    public static List<FactFileError> DuplicateKeys(IEnumerable<ParsedFactFile> files, Func<string, IReadOnlyList<ParsedFactFile>, FactFileError> error) =>
        [.. files.GroupBy(file => file.Document.Key).Where(group => group.Count() > 1).Select(group => error(group.Key, [.. group]))];

    /// <summary>Plans one document against the index as it is now.</summary>
    public static async Task<DocumentPlan> PlanAsync(IQuerySession session, ParsedFactFile file, IReadOnlySet<Guid> batchFacts, CancellationToken cancellationToken) =>
        await PlanAsync(session, file, batchFacts, await LoadIndexedAsync(session, [file], cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Loads, in one query, the indexed facts among the documents' facts and the facts they revise.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IndexedFact>> LoadIndexedAsync(IQuerySession session, IEnumerable<ParsedFactFile> files, CancellationToken cancellationToken)
    {
        var ids = files.SelectMany(file => file.Events)
            .SelectMany(e => e is IRevision revision ? new[] { e.FactId, revision.Revises } : [e.FactId])
            .Distinct()
            .ToArray();
        return (await session.LoadManyAsync<IndexedFact>(cancellationToken, ids).ConfigureAwait(false)).ToDictionary(record => record.Id);
    }

    /// <summary>Plans one document against indexed facts already loaded (<see cref="LoadIndexedAsync"/>).</summary>
    public static async Task<DocumentPlan> PlanAsync(IQuerySession session, ParsedFactFile file, IReadOnlySet<Guid> batchFacts, IReadOnlyDictionary<Guid, IndexedFact> records, CancellationToken cancellationToken)
    {
        var errors = new List<FactFileError>();
        var fresh = new List<ILedgerEvent>();
        var present = 0;
        foreach (var e in file.Events)
        {
            if (records.TryGetValue(e.FactId, out var stored))
            {
                if (stored.ContentHash == FactFingerprint.Of(e))
                {
                    present++;
                    continue;
                }

                // The index keeps the fingerprint of the fact as first written. A fact written before its values gained
                // a member (a hedge on a count) fingerprints differently now, though it reads back the same: compared
                // as read back, it is present.
                var original = await LoadStoredAsync(session, stored, cancellationToken).ConfigureAwait(false);
                if (original is not null && FactFingerprint.Of(original) == FactFingerprint.Of(e))
                {
                    present++;
                    continue;
                }

                var differences = original is null
                    ? $"stored fingerprint {stored.ContentHash[..12]}, file fingerprint {FactFingerprint.Of(e)[..12]}"
                    : string.Join("; ", FactFingerprint.Differences(original, e));
                errors.Add(file.Error(
                    e,
                    null,
                    $"the ledger already holds '{e.Key}' with other content, and a recorded fact is never overwritten (record a correction instead). Differences: {differences}"));
                continue;
            }

            if (e is IRevision revision
                && !batchFacts.Contains(revision.Revises)
                && !(records.TryGetValue(revision.Revises, out var target) && !target.IsRevision))
            {
                errors.Add(file.Error(
                    e,
                    revision is FactCorrected ? "corrects" : "retracts",
                    "names a fact that is neither in the ledger nor in this ingest."));
                continue;
            }

            fresh.Add(e);
        }

        // A fact goes before any revision of it, whatever the file's order.
        return new DocumentPlan([.. fresh.Where(e => e is not IRevision), .. fresh.Where(e => e is IRevision)], present, errors, records.Values.Any(record => record.DocumentKey == file.Document.Key));
    }

    /// <summary>Reads back the event an indexed fact names, from its document's stream.</summary>
    private static async Task<ILedgerEvent?> LoadStoredAsync(IQuerySession session, IndexedFact stored, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(stored.StreamId, token: cancellationToken).ConfigureAwait(false);
        return events.Select(e => e.Data).OfType<ILedgerEvent>().FirstOrDefault(e => e.FactId == stored.Id);
    }

    /// <summary>
    /// Puts each document after the documents whose facts it revises, so that a correction is never appended before the
    /// fact it corrects; otherwise keeps the order of the files.
    /// </summary>
    public static List<ParsedFactFile> OrderByRevisionTargets(IReadOnlyList<ParsedFactFile> files, List<FactFileError> errors)
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
}
