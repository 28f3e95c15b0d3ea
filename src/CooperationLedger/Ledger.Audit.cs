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

        await EnsureReadTablesAsync(session, cancellationToken).ConfigureAwait(false);
        var timeline = EntryShapes.Timeline;
        var entry = (await FactSelection.All.Where("f.id = ?", factId).LoadAsync(session, timeline, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        var related = entry?.Matter is { } matter
            ? await FactSelection.All.Where("f.matter = ? and f.id <> ?", matter, factId).LoadAsync(session, timeline, cancellationToken).ConfigureAwait(false)
            : [];
        var outgoing = entry?.Links ?? [];
        var targets = outgoing.Count == 0 ? [] : await FactSelection.All.WithIds([.. outgoing.Select(link => link.TargetId).Distinct()], []).LoadAsync(session, timeline, cancellationToken).ConfigureAwait(false);
        var linking = entry is null ? [] : await FactSelection.All.LinkingToAny([factId]).LoadAsync(session, timeline, cancellationToken).ConfigureAwait(false);
        var revisions = entry?.Revisions ?? [];
        var cited = revisions.Select(revision => revision.Source)
            .Concat(related.Select(other => other.Source))
            .Concat(targets.Select(other => other.Source))
            .Concat(linking.Select(other => other.Source))
            .OfType<StreamPosition>()
            .ToHashSet();
        var citations = await CitationStore.LoadAsync(session, cited, cancellationToken).ConfigureAwait(false);
        var article = await session.LoadAsync<StoredArticle>(fact.Citation.Document.Key, cancellationToken).ConfigureAwait(false);
        var index = article is null ? null : new QuoteIndex(article.ArticleText);
        var passage = index?.Locate(fact.Citation.Quote) is { } location ? index.ParagraphOf(location) : null;
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
                .ToArray(),
            LinksOf(outgoing, targets, linking, entry?.Key ?? string.Empty, citations))
        {
            Passage = passage,
        };
    }

    private static LinkedFact[] LinksOf(IReadOnlyList<FactLink> outgoing, IReadOnlyList<TimelineEntry> targets, IReadOnlyList<TimelineEntry> linking, string key, CitationLookup citations)
    {
        var held = targets.ToDictionary(target => target.Id);
        var from = outgoing.Select(link => held.TryGetValue(link.TargetId, out var target)
            ? new LinkedFact(link.Kind, false, target.Id, target.Key, target.Summary, citations.For(target.Id))
            : new LinkedFact(link.Kind, false, link.TargetId, link.Target, null, null));
        var to = linking.SelectMany(other => other.Links
            .Where(link => link.Target == key)
            .Select(link => new LinkedFact(link.Kind, true, other.Id, other.Key, other.Summary, citations.For(other.Id))));
        return [.. from.Concat(to).OrderBy(link => link.Incoming).ThenBy(link => link.Kind).ThenBy(link => link.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// As the answers' disputes are found (<see cref="DisputeFinder"/>): a figure of the same scale that cannot be true
    /// with this one disputes it (even in the same document), as do a figure that says the other way and a figure
    /// declared to conflict. Corroboration is another document stating the same figure in the same scale (units
    /// normalised), or a report linked as the same fact whose figure agrees; anything else (no figure to compare, figures
    /// of different metrics, a figure that fits this one without being it, or the same figure in the same document) is
    /// only on the same matter.
    /// </summary>
    private static Relation RelationOf(LedgerEntry audited, LedgerEntry other)
    {
        if (Linked(audited, other, LinkKind.ConflictsWith))
        {
            return Relation.Disputes;
        }

        if (audited.Comparison is { } mine && other.Comparison is { } theirs)
        {
            if (mine.Scale == theirs.Scale && !FigureSpan.Agree(mine.Scale, [mine.Figure, theirs.Figure]))
            {
                return Relation.Disputes;
            }

            if (FigureSpan.DirectionOf(mine.Scale, mine.Figure) is { } way && FigureSpan.DirectionOf(theirs.Scale, theirs.Figure) is { } otherWay && way != otherWay)
            {
                return Relation.Disputes;
            }

        }

        return Corroboration.Corroborates(audited, audited.Comparison, other, other.Comparison) ? Relation.Corroborates : Relation.SameMatter;
    }

    private static bool Linked(LedgerEntry one, LedgerEntry other, LinkKind kind) =>
        one.Links.Any(link => link.Kind == kind && link.TargetId == other.Id) || other.Links.Any(link => link.Kind == kind && link.TargetId == one.Id);


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
