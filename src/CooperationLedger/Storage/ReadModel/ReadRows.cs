using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using Marten;
using NodaTime;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>The rows of the read tables that a run of events adds, gathered to be written by one COPY per table.</summary>
internal sealed class ReadRows(ISerializer serializer)
{
    private readonly List<FactRow> facts = [];
    private readonly List<RevisionRow> revisions = [];

    public int Count => facts.Count + revisions.Count;

    /// <summary>Adds the row of an event appended at <paramref name="recordedAt"/> as the event at <paramref name="position"/>.</summary>
    public void Add(ILedgerEvent e, Instant recordedAt, StreamPosition position)
    {
        switch (e)
        {
            case IReportedFact fact:
                facts.Add(FactRow.Of(fact, recordedAt, position, serializer));
                break;
            case IRevision revision:
                revisions.Add(RevisionRow.Of(revision, recordedAt, position));
                break;
        }
    }

    /// <summary>Writes the rows gathered, of <paramref name="tenant"/>, in the connection's transaction, and forgets them.</summary>
    public async Task CopyAsync(NpgsqlConnection connection, string schema, string tenant, CancellationToken cancellationToken)
    {
        if (facts.Count > 0)
        {
            await ReadTables.CopyAsync(connection, schema, ReadTables.Facts, ReadTables.FactColumns, tenant, facts, cancellationToken).ConfigureAwait(false);
        }

        if (revisions.Count > 0)
        {
            await ReadTables.CopyAsync(connection, schema, ReadTables.Revisions, ReadTables.RevisionColumns, tenant, revisions, cancellationToken).ConfigureAwait(false);
        }

        facts.Clear();
        revisions.Clear();
    }
}
