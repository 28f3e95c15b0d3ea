using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using CooperationLedger.Storage;
using CooperationLedger.Views;
using Marten;

namespace CooperationLedger;

/// <content>The audit trail: from a figure or an event back to the sources behind it.</content>
public sealed partial class Ledger
{
    /// <summary>Gets the full trail of one event: the fact, its citation, its revisions and theirs, and the other sources on the same matter.</summary>
    /// <param name="factId">The event's fact id, as every figure's <c>Sources</c> give it.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The trail, or <see langword="null"/> when the ledger holds no such event.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    public Task<AuditTrail?> AuditAsync(Guid factId, CancellationToken cancellationToken = default) =>
        QueryAsync("audit", token => AuditOnceAsync(factId, token), cancellationToken);

    private async Task<AuditTrail?> AuditOnceAsync(Guid factId, CancellationToken cancellationToken)
    {
        if (!await sessions.Guard.CheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await using var session = sessions.Query();
        var record = await session.LoadAsync<IndexedFact>(factId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var events = await session.Events.FetchStreamAsync(record.StreamId, token: cancellationToken).ConfigureAwait(false);
        var stored = events.First(e => e.Data is ILedgerEvent fact && fact.FactId == factId);
        var fact = (ILedgerEvent)stored.Data;
        var recorded = Recorded(stored, StoreCheck.NamesOf(session.DocumentStore.Options.Serializer()).SourceFileHeader);

        var entry = await session.LoadAsync<TimelineEntry>(factId, cancellationToken).ConfigureAwait(false);
        var related = entry?.Matter is { } matter
            ? await session.Query<TimelineEntry>().Where(other => other.Matter == matter && other.Id != factId).ToListAsync(cancellationToken).ConfigureAwait(false)
            : [];
        var revisions = entry?.Revisions ?? [];
        var cited = revisions.Select(revision => revision.Source).Concat(related.Select(other => other.Source)).OfType<StreamPosition>().ToHashSet();
        var citations = await CitationStore.LoadAsync(session, cited, cancellationToken).ConfigureAwait(false);
        return new AuditTrail(
            fact,
            recorded,
            FactSummary.Of(fact),
            entry?.Signature,
            revisions
                .Select(revision => new AuditedRevision(revision.Id, revision.Key, revision.IsRetraction, revision.Reason, revision.Changes, citations.For(revision.Id), revision.RecordedAt))
                .ToArray(),
            related
                .OrderBy(other => other.Key, StringComparer.Ordinal)
                .Select(other => new RelatedFact(other.Id, other.Key, other.Signature, RelationOf(entry!, other), citations.For(other.Id)))
                .ToArray());
    }

    /// <summary>
    /// Corroboration is another document stating the same figure; another figure disputes; anything else (no figure to
    /// compare, or a fact of the same document) is only on the same matter.
    /// </summary>
    private static Relation RelationOf(LedgerEntry audited, LedgerEntry other) =>
        (audited.Signature, other.Signature) switch
        {
            (null, _) or (_, null) => Relation.SameMatter,
            var (mine, theirs) when mine != theirs => Relation.Disputes,
            _ when DocumentOf(other.Key) == DocumentOf(audited.Key) => Relation.SameMatter,
            _ => Relation.Corroborates,
        };

    private static string DocumentOf(string key) => key[..key.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>Gets the full trail of one event by its key, <c>document-key/fact-key</c>.</summary>
    /// <param name="key">The fact's key.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The trail, or <see langword="null"/> when the ledger holds no such event.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    public Task<AuditTrail?> AuditAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/');
        return parts.Length == 2 && parts.All(part => part.Length > 0)
            ? AuditAsync(FactIds.ForFact(parts[0], parts[1]), cancellationToken)
            : Task.FromResult<AuditTrail?>(null);
    }

    /// <summary>Gets the trail of every event behind a donor total.</summary>
    /// <param name="total">A line of <see cref="GetDonorTotalsAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One trail per fact and revision behind the figure.</returns>
    /// <exception cref="LedgerUnavailableException">The database did not answer through the retries.</exception>
    public async Task<IReadOnlyList<AuditTrail>> ExplainAsync(DonorTotal total, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(total);
        var trails = new List<AuditTrail>();
        foreach (var source in total.Sources.DistinctBy(source => source.FactId))
        {
            if (await AuditAsync(source.FactId, cancellationToken).ConfigureAwait(false) is { } trail)
            {
                trails.Add(trail);
            }
        }

        return trails;
    }
}
