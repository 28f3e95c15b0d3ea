using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using CooperationLedger.Views;
using Marten;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>
/// The facts a point question reads: conditions on the rows of <see cref="ReadTables.Facts"/> (alias <c>f</c>, a
/// <c>?</c> for each value, and <c>revisions</c> for the tenant's revision rows) that find a superset of what the answer includes, and the entries of the facts found, each
/// built from its own event and its revisions' events in the order they were appended, as an inline projection would
/// have folded them. The answer then resolves the entries at its point in memory (<see cref="AsOfResolution"/>), which
/// drops the rest of the superset.
/// </summary>
internal sealed class FactSelection
{
    private FactSelection(ImmutableList<string> conditions, ImmutableList<object> values)
    {
        Conditions = conditions;
        Values = values;
    }

    /// <summary>Gets the selection of every fact.</summary>
    public static FactSelection All { get; } = new([], []);

    private ImmutableList<string> Conditions { get; }

    private ImmutableList<object> Values { get; }

    /// <summary>Narrows the selection by one more condition, with a <c>?</c> for each of <paramref name="values"/>.</summary>
    public FactSelection Where(string condition, params object[] values)
    {
        if (condition.Count(c => c == '?') != values.Length)
        {
            throw new ArgumentException($"The condition has {condition.Count(c => c == '?')} placeholders for {values.Length} values.", nameof(values));
        }

        return new FactSelection(Conditions.Add(condition), Values.AddRange(values));
    }

    /// <summary>Loads the entries of <paramref name="shape"/> for the facts selected of the kinds that feed its view.</summary>
    public async Task<List<TEntry>> LoadAsync<TEntry>(IQuerySession session, EntryShape<TEntry> shape, CancellationToken cancellationToken)
        where TEntry : LedgerEntry
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var (sql, parameters) = Statement(session.DocumentStore.Options.Events.DatabaseSchemaName, session.TenantId, shape.Types);
        var entries = new List<TEntry>();
        (Guid Id, TEntry? Entry)? current = null;
        await foreach (var row in SqlRows.ReadAsync(session, sql, parameters, cancellationToken).ConfigureAwait(false))
        {
            var id = row.GetGuid(0);
            if (current is { } previous && previous.Id != id && previous.Entry is { } done)
            {
                entries.Add(done);
            }

            var data = EventLog.Deserialize(serializer, row, typeOrdinal: 4, dataOrdinal: 5);
            var recordedAt = Instant.FromDateTimeOffset(row.GetFieldValue<DateTimeOffset>(3));
            var snapshot = current is { } same && same.Id == id ? same.Entry : null;
            current = (id, EntryEvolution.Apply(snapshot, data, recordedAt, new StreamPosition(row.GetGuid(1), row.GetInt64(2)), shape.From));
        }

        if (current is { Entry: { } last })
        {
            entries.Add(last);
        }

        return entries;
    }

    /// <summary>Gets the statement <see cref="LoadAsync"/> runs for the facts of <paramref name="types"/>, and its parameters.</summary>
    public (string Sql, object[] Parameters) Statement(string schema, string tenant, string[] types) =>
        ($"""
            with revisions as (
              select r.revises from {schema}.{ReadTables.Revisions} r where r.tenant_id = $1
            ),
            chosen as (
              select f.id, f.stream_id, f.version from {schema}.{ReadTables.Facts} f
              where f.tenant_id = $1 and f.type = any($2){Numbered(3)}
            ),
            appended as (
              select c.id, c.stream_id, c.version from chosen c
              union all
              select r.revises, r.stream_id, r.version from {schema}.{ReadTables.Revisions} r join chosen c on c.id = r.revises where r.tenant_id = $1
            )
            select a.id, e.stream_id, e.version, e.timestamp, e.type, e.data
            from appended a join {schema}.mt_events e on e.stream_id = a.stream_id and e.version = a.version
            where e.tenant_id = $1 and not e.is_archived
            order by a.id, e.seq_id
            """, [tenant, types, .. Values]);

    /// <summary>Gets the ids of the facts selected, of every kind.</summary>
    public async Task<HashSet<Guid>> IdsAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var sql = $"select f.id from {session.DocumentStore.Options.Events.DatabaseSchemaName}.{ReadTables.Facts} f where f.tenant_id = $1{Numbered(2)}";
        var ids = new HashSet<Guid>();
        await foreach (var row in SqlRows.ReadAsync(session, sql, [session.TenantId, .. Values], cancellationToken).ConfigureAwait(false))
        {
            ids.Add(row.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Gets the conditions joined, each placeholder numbered from <paramref name="first"/>.</summary>
    private string Numbered(int first)
    {
        var sql = new StringBuilder();
        var number = first;
        foreach (var condition in Conditions)
        {
            sql.Append(" and (");
            foreach (var c in condition)
            {
                _ = c == '?' ? sql.Append('$').Append((number++).ToString(CultureInfo.InvariantCulture)) : sql.Append(c);
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}

/// <summary>What a view's entry is, as a point question builds it: the kinds that feed the view, and how a fact makes one.</summary>
/// <param name="View">The view.</param>
/// <param name="From">Makes a fact's entry, recorded at an instant; <see langword="null"/> for a fact the view leaves out.</param>
/// <typeparam name="TEntry">The view's entry.</typeparam>
internal sealed record EntryShape<TEntry>(FactView View, Func<IReportedFact, Instant, TEntry?> From)
    where TEntry : LedgerEntry
{
    /// <summary>Gets the names of the kinds that feed the view, as the rows keep them.</summary>
    public string[] Types { get; } = [.. FactCatalog.Feeding(View).Select(kind => kind.Name)];
}

/// <summary>The entry of each view, declared once for the point questions that build them and the projections that kept them.</summary>
internal static class EntryShapes
{
    public static EntryShape<DonationEntry> Donations { get; } = new(FactView.Donations, DonationEntry.From);

    public static EntryShape<StatisticClaimEntry> Claims { get; } = new(FactView.Claims, StatisticClaimEntry.From);

    public static EntryShape<AgreementEntry> Agreements { get; } = new(FactView.Agreements, AgreementEntry.From);

    public static EntryShape<TimelineEntry> Timeline { get; } = new(FactView.Timeline, TimelineEntry.From);

    private static object[] All { get; } = [Donations, Claims, Agreements, Timeline];

    /// <summary>Gets the shape of <typeparamref name="TEntry"/>.</summary>
    public static EntryShape<TEntry> Of<TEntry>()
        where TEntry : LedgerEntry => All.OfType<EntryShape<TEntry>>().Single();
}
