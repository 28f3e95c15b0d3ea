using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using CooperationLedger.Storage;
using Marten;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CooperationLedger.Benchmarks;

/// <summary>
/// What the ledger keeps for each event besides the event itself: its row in the fact index, its document's stored
/// text (once per document), and its projection entries (a timeline entry, and a donation, claim or agreement entry for
/// most facts), serialized as the store serializes them. Written with binary COPY into a plain table, it gives the
/// physical limit of ingest and rebuild for this data model, as (1) does for the events alone.
/// </summary>
internal static class Kept
{
    public static (double EventBytesPerEvent, double BytesPerEvent) Measure(IEnumerable<DocumentFacts> history, ISerializer serializer)
    {
        long events = 0, eventBytes = 0, keptBytes = 0;
        foreach (var document in history)
        {
            foreach (var (kind, _, json) in Rows(document, serializer, projectionsOnly: false))
            {
                if (kind == "event")
                {
                    events++;
                    eventBytes += json.Length;
                }
                else
                {
                    keptBytes += json.Length;
                }
            }
        }

        return (eventBytes / (double)events, keptBytes / (double)events);
    }

    public static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<DocumentFacts> history, ISerializer serializer, bool withEvents, bool projectionsOnly = false)
    {
        await using var copy = await connection.BeginBinaryImportAsync("copy raw_kept (id, kind, data) from stdin (format binary)");
        foreach (var document in history)
        {
            foreach (var (kind, id, json) in Rows(document, serializer, projectionsOnly))
            {
                if (kind == "event" && !withEvents)
                {
                    continue;
                }

                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(kind, NpgsqlDbType.Text);
                await copy.WriteAsync(json, NpgsqlDbType.Jsonb);
            }
        }

        await copy.CompleteAsync();
    }

    private static IEnumerable<(string Kind, Guid Id, string Json)> Rows(DocumentFacts document, ISerializer serializer, bool projectionsOnly)
    {
        var stream = FactIds.ForDocument(document.Document.Key);
        foreach (var fact in document.Facts)
        {
            yield return ("event", fact.FactId, serializer.ToJson(fact));
            if (!projectionsOnly)
            {
                yield return ("fact", fact.FactId, serializer.ToJson(IndexedFact.Of(fact, document.Document.Key, stream)));
            }
        }

        if (!projectionsOnly)
        {
            yield return ("document", stream, serializer.ToJson(new StoredArticle(document.Document.Key, document.Document, document.ArticleText)));
        }

        // A read row is typed columns, not JSON; its JSON here is about the bytes it takes.
        var recordedAt = Instant.FromUnixTimeSeconds(0);
        for (var i = 0; i < document.Facts.Count; i++)
        {
            var position = new StreamPosition(stream, i + 1);
            yield return ("row", document.Facts[i].FactId, document.Facts[i] switch
            {
                IReportedFact fact => serializer.ToJson(FactRow.Of(fact, recordedAt, position, serializer)),
                IRevision revision => serializer.ToJson(RevisionRow.Of(revision, recordedAt, position)),
                _ => "{}",
            });
        }
    }
}
