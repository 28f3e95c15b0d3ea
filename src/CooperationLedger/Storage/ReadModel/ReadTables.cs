using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace CooperationLedger.Storage;

/// <summary>
/// The ledger's flat read tables, declared once: <c>ledger_facts</c>, a row of typed columns per reported fact, and
/// <c>ledger_revisions</c>, a row per correction or retraction. Each row is written once, from its event alone, when the
/// event is appended (inline, in the append's transaction, or by the bulk COPY) or when the tables are rebuilt; nothing
/// is folded, since a revision is a row of its own and the as-of rule joins them when a question is asked
/// (<see cref="ReadModelSql"/>). Every statement that writes or reads them takes its table and column names from here.
/// </summary>
internal static class ReadTables
{
    public const string Facts = "ledger_facts";

    public const string Revisions = "ledger_revisions";

    /// <summary>Gets the names of the two tables in <paramref name="schema"/>.</summary>
    public static IReadOnlyList<DbObjectName> Names(string schema) =>
        [new PostgresqlObjectName(schema, Facts, SchemaUtils.IdentifierUsage.General), new PostgresqlObjectName(schema, Revisions, SchemaUtils.IdentifierUsage.General)];

    /// <summary>Gets the columns of <see cref="Facts"/> after <c>tenant_id</c>, in the order they are written.</summary>
    public static IReadOnlyList<ReadColumn<FactRow>> FactColumns { get; } =
    [
        new("id", "uuid", NpgsqlDbType.Uuid, row => row.Id, NotNull: true),
        new("key", "text", NpgsqlDbType.Text, row => row.Key, NotNull: true),
        new("type", "text", NpgsqlDbType.Text, row => row.Type, NotNull: true),
        new("stream_id", "uuid", NpgsqlDbType.Uuid, row => row.StreamId, NotNull: true),
        new("version", "bigint", NpgsqlDbType.Bigint, row => row.Version, NotNull: true),
        new("stage", "integer", NpgsqlDbType.Integer, row => (int)row.Stage, NotNull: true),
        new("effective_from", "integer", NpgsqlDbType.Integer, row => row.EffectiveFrom, NotNull: true),
        new("effective_to", "integer", NpgsqlDbType.Integer, row => row.EffectiveTo, NotNull: true),
        new("known_from", "integer", NpgsqlDbType.Integer, row => row.KnownFrom, NotNull: true),
        new("known_to", "integer", NpgsqlDbType.Integer, row => row.KnownTo, NotNull: true),
        new("published_day", "integer", NpgsqlDbType.Integer, row => row.PublishedDay, NotNull: true),
        new("recorded_us", "bigint", NpgsqlDbType.Bigint, row => row.RecordedUs, NotNull: true),
        new("matter", "text", NpgsqlDbType.Text, row => row.Matter),
        new("donor_id", "text", NpgsqlDbType.Text, row => row.DonorId),
        new("donor_name", "text", NpgsqlDbType.Text, row => row.DonorName),
        new("donor", "jsonb", NpgsqlDbType.Jsonb, row => row.Donor),
        new("recipient_id", "text", NpgsqlDbType.Text, row => row.RecipientId),
        new("recipient", "jsonb", NpgsqlDbType.Jsonb, row => row.Recipient),
        new("currency", "text", NpgsqlDbType.Text, row => row.Currency),
        new("amount", "numeric", NpgsqlDbType.Numeric, row => row.Amount),
        new("approximation", "integer", NpgsqlDbType.Integer, row => row.Approximation),
        new("upper_bound", "numeric", NpgsqlDbType.Numeric, row => row.UpperBound),
        new("metric", "text", NpgsqlDbType.Text, row => row.Metric),
        new("compared_scale", "text", NpgsqlDbType.Text, row => row.ComparedScale),
        new("compared_figure", "text", NpgsqlDbType.Text, row => row.ComparedFigure),
        new("figure_read", "boolean", NpgsqlDbType.Boolean, row => row.Span is null ? null : row.Span.Value.Read),
        new("figure_low", "numeric", NpgsqlDbType.Numeric, row => row.Span?.Low),
        new("figure_high", "numeric", NpgsqlDbType.Numeric, row => row.Span?.High),
        new("figure_direction", "integer", NpgsqlDbType.Integer, row => row.Span?.Direction is { } direction ? (int)direction : null),
        new("link_targets", "uuid[]", NpgsqlDbType.Array | NpgsqlDbType.Uuid, row => row.LinkTargets),
        new("shown", "jsonb", NpgsqlDbType.Jsonb, row => row.Shown),
        new("period_from", "integer", NpgsqlDbType.Integer, row => row.PeriodFrom),
        new("donor_terms", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, row => row.Terms.Donor),
        new("recipient_terms", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, row => row.Terms.Recipient),
        new("pair_terms", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, row => row.Terms.Pairs),
        new("metric_term", "text", NpgsqlDbType.Text, row => row.Terms.Metric),
        new("claimant_terms", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, row => row.Terms.Claimant),
        new("subject_terms", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, row => row.Terms.Subject),
        new("party_terms", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, row => row.Terms.Parties),

        // Written for every fact, but without a not-null constraint: a ledger whose tables came before the column gets
        // it empty, and is told to rebuild (ReadTablesCheck).
        new("actor_keys", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, row => row.Terms.ActorKeys),
    ];

    /// <summary>Gets the columns of terms a question that names an actor looks up (<see cref="FactTerms"/>).</summary>
    public static IReadOnlyList<string> TermColumns { get; } =
        ["donor_terms", "recipient_terms", "pair_terms", "claimant_terms", "subject_terms", "party_terms", "actor_keys"];

    /// <summary>
    /// Gets the columns of the as-of bounds that the point questions may look up by index. The effective bounds are not
    /// among them: a fact with a revision is read whatever its own effective date, since a correction may move it
    /// (<see cref="AsOfBounds"/>), so that bound is checked on the rows found, never looked up.
    /// </summary>
    public static IReadOnlyList<string> BoundColumns { get; } = ["known_from", "known_to", "recorded_us"];

    /// <summary>Gets the columns of <see cref="Revisions"/> after <c>tenant_id</c>, in the order they are written.</summary>
    public static IReadOnlyList<ReadColumn<RevisionRow>> RevisionColumns { get; } =
    [
        new("id", "uuid", NpgsqlDbType.Uuid, row => row.Id, NotNull: true),
        new("key", "text", NpgsqlDbType.Text, row => row.Key, NotNull: true),
        new("revises", "uuid", NpgsqlDbType.Uuid, row => row.Revises, NotNull: true),
        new("retraction", "boolean", NpgsqlDbType.Boolean, row => row.IsRetraction, NotNull: true),
        new("stream_id", "uuid", NpgsqlDbType.Uuid, row => row.StreamId, NotNull: true),
        new("version", "bigint", NpgsqlDbType.Bigint, row => row.Version, NotNull: true),
        new("known_from", "integer", NpgsqlDbType.Integer, row => row.KnownFrom, NotNull: true),
        new("known_to", "integer", NpgsqlDbType.Integer, row => row.KnownTo, NotNull: true),
        new("recorded_us", "bigint", NpgsqlDbType.Bigint, row => row.RecordedUs, NotNull: true),
    ];

    /// <summary>Gets the two tables as schema objects in <paramref name="schema"/>, for Marten to create and migrate.</summary>
    /// <remarks>
    /// The whole-ledger questions read the rows in one pass, and look up by index only the few the as-of rule cannot
    /// settle by columns alone: the revisions of a fact, the facts that link, and the facts of a matter. The point
    /// questions look up the facts of the actors or the metric they name, by GIN indexes on the terms, the facts that
    /// link to theirs (a closure that ends an agreement), by a GIN index on the links, or the facts within a bound, by
    /// B-tree indexes on the bounds.
    /// </remarks>
    public static IEnumerable<ISchemaObject> Create(string schema)
    {
        var facts = Table(schema, Facts, FactColumns);
        facts.Indexes.Add(new IndexDefinition($"{Facts}_idx_matter") { Columns = ["tenant_id", "matter"], Predicate = "matter is not null" });
        facts.Indexes.Add(new IndexDefinition($"{Facts}_idx_linking") { Columns = ["tenant_id"], Predicate = "link_targets is not null" });
        facts.Indexes.Add(new IndexDefinition($"{Facts}_idx_metric_term") { Columns = ["tenant_id", "metric_term"], Predicate = "metric_term is not null" });
        foreach (var column in BoundColumns)
        {
            facts.Indexes.Add(new IndexDefinition($"{Facts}_idx_{column}") { Columns = [column] });
        }

        foreach (var column in TermColumns.Append("link_targets"))
        {
            // Without the pending list (fastupdate = off): with it, rows inserted in bulk wait in an unordered list that
            // every lookup scans until a vacuum merges them. Not partial: Weasel writes a predicate before the storage
            // parameters, which PostgreSQL refuses, and a null array costs a GIN index one placeholder entry.
            var terms = new IndexDefinition($"{Facts}_idx_{column}") { Columns = [column], Method = IndexMethod.gin };
            terms.StorageParameters["fastupdate"] = "off";
            facts.Indexes.Add(terms);
        }

        var revisions = Table(schema, Revisions, RevisionColumns);
        revisions.Indexes.Add(new IndexDefinition($"{Revisions}_idx_revises") { Columns = ["tenant_id", "revises"] });
        return [facts, revisions];
    }

    /// <summary>
    /// Gets the statement that inserts one row, with a <c>?</c> for the tenant and each column, for Marten's queue. Each
    /// placeholder is cast to its column's type, so that a null or a text of JSON is read as the column's type.
    /// </summary>
    public static string Insert<TRow>(string schema, string table, IReadOnlyList<ReadColumn<TRow>> columns) =>
        $"insert into {schema}.{table} (tenant_id, {string.Join(", ", columns.Select(column => column.Name))}) "
        + $"values (?, {string.Join(", ", columns.Select(column => $"?::{column.PgType}"))})";

    /// <summary>Gets the values of one row for <see cref="Insert"/>, the tenant first.</summary>
    public static object[] Values<TRow>(string tenant, TRow row, IReadOnlyList<ReadColumn<TRow>> columns) =>
        [tenant, .. columns.Select(column => column.Value(row) ?? DBNull.Value)];

    /// <summary>Writes rows by one binary COPY on <paramref name="connection"/>, in its transaction.</summary>
    public static async Task CopyAsync<TRow>(NpgsqlConnection connection, string schema, string table, IReadOnlyList<ReadColumn<TRow>> columns, string tenant, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"copy {schema}.{table} (tenant_id, {string.Join(", ", columns.Select(column => column.Name))}) from stdin (format binary)",
            cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(tenant, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
            foreach (var column in columns)
            {
                if (column.Value(row) is { } value)
                {
                    await copy.WriteAsync(value, column.DbType, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the statement that empties the tables, of one tenant (<c>@tenant</c>) or of all.</summary>
    public static string Empty(string schema, bool oneTenant) =>
        oneTenant
            ? string.Concat(new[] { Facts, Revisions }.Select(table => $"delete from {schema}.{table} where tenant_id = @tenant;"))
            : $"truncate table {schema}.{Facts}, {schema}.{Revisions};";

    private static Table Table<TRow>(string schema, string name, IReadOnlyList<ReadColumn<TRow>> columns)
    {
        var table = new Table(new PostgresqlObjectName(schema, name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("tenant_id", "varchar").NotNull().AsPrimaryKey();
        foreach (var column in columns)
        {
            var added = table.AddColumn(column.Name, column.PgType);
            if (column.Name == "id")
            {
                added.AsPrimaryKey();
            }

            if (column.NotNull)
            {
                added.NotNull();
            }
        }

        return table;
    }

    /// <summary>Writes a day or bound as the integer literal the as-of SQL compares with.</summary>
    public static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets a text constant of the code (a kind's stored name) as an SQL literal, any quote in it doubled.</summary>
    public static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}

/// <summary>One column of a read table: its name and type, and how a row's value is read.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="PgType">Its PostgreSQL type, as created.</param>
/// <param name="DbType">Its type as Npgsql writes it.</param>
/// <param name="Value">The row's value; <see langword="null"/> for SQL null.</param>
/// <param name="NotNull">Whether every row has a value.</param>
internal sealed record ReadColumn<TRow>(string Name, string PgType, NpgsqlDbType DbType, Func<TRow, object?> Value, bool NotNull = false);
