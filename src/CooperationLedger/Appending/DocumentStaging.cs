using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using Marten;
using Npgsql;

namespace CooperationLedger.Appending;

/// <summary>What both appenders put in a session for one document, and the locks they take before they save it.</summary>
internal static class DocumentStaging
{
    /// <summary>
    /// Adds a document's new events to its stream (starting the stream, or appending at the version read, so that a
    /// concurrent writer is detected), its indexed facts and its stored article to the session. Each event carries the
    /// document's key as its causation id and the file's name as a header.
    /// </summary>
    public static async Task StageAsync(IDocumentSession session, ParsedFactFile file, DocumentPlan plan, CancellationToken cancellationToken)
    {
        var streamId = FactIds.ForDocument(file.Document.Key);
        var events = plan.New.Cast<object>().ToArray();
        var state = plan.StreamExists ? await session.Events.FetchStreamStateAsync(streamId, cancellationToken).ConfigureAwait(false) : null;
        var action = state is null
            ? session.Events.StartStream(streamId, events)
            : session.Events.Append(streamId, state.Version + events.Length, events);
        var headers = StoredJsonNames.HeadersOf(file);
        foreach (var e in action.Events)
        {
            e.CausationId = file.Document.Key;
            foreach (var (name, value) in headers)
            {
                e.SetHeader(name, value);
            }
        }

        foreach (var e in plan.New)
        {
            session.Insert(IndexedFact.Of(e, file.Document.Key, streamId));
        }

        session.Store(StoredArticle.Of(file));
        await ActorRegistry.RegisterAsync(session, file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes a transaction-scoped advisory lock on every fact the events revise, in a fixed order, before the inline
    /// projections load those facts' entries: two writers revising the same fact at once then take turns, and neither
    /// overwrites the other's revision.
    /// </summary>
    public static async Task LockRevisedFactsAsync(IDocumentSession session, IEnumerable<ILedgerEvent> events, CancellationToken cancellationToken)
    {
        if (events.OfType<IRevision>().Any())
        {
            await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockRevisedFactsAsync(session.Connection!, events, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the locks of <see cref="LockRevisedFactsAsync(IDocumentSession, IEnumerable{ILedgerEvent}, CancellationToken)"/> in the connection's open transaction.</summary>
    public static async Task LockRevisedFactsAsync(NpgsqlConnection connection, IEnumerable<ILedgerEvent> events, CancellationToken cancellationToken)
    {
        foreach (var id in events.OfType<IRevision>().Select(revision => revision.Revises).Distinct().Order())
        {
            await AdvisoryLocks.HoldFactAsync(connection, id, cancellationToken).ConfigureAwait(false);
        }
    }
}
