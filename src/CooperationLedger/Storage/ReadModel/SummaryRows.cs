using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Views;
using Marten;

namespace CooperationLedger.Storage;

/// <summary>
/// Reads what the summary needs of the settled facts at a point from the read tables (<see cref="ReadModelSql"/>): their
/// counts by kind and year, their sums by currency, donor, recipient and stage, their claims by metric, the newest of
/// them, and which facts are open. PostgreSQL adds everything up; the client reads a row per group.
/// </summary>
internal static class SummaryRows
{
    /// <summary>The width of a rank written as text, so that text order is number order (<see cref="RankText"/>).</summary>
    private const int RankWidth = 10;

    public static async Task<SettledSummary> ReadAsync(IQuerySession session, AsOf asOf, int top, CancellationToken cancellationToken)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var facts = $"{schema}.{ReadTables.Facts}";
        var disputed = ReadModelSql.Disputed(schema, asOf);
        var opened = await OpenRows.ReadAsync(session, asOf, cancellationToken).ConfigureAwait(false);
        const string open = ReadModelSql.OpenGiven;
        object[] tenant = [session.TenantId, opened.Select(fact => fact.Id).ToArray(), opened.Where(fact => fact.IsRevised).Select(fact => fact.Id).ToArray()];

        // The disputed facts are found once, and the rest is asked with their ids: the disputes with the most versions
        // are counted here, and the groups leave the disputed donations out of every total.
        var found = new List<(Guid Id, int Family, string Matter)>();
        await foreach (var row in SqlRows.ReadAsync(session, $"{open},\n{disputed}\nselect d.id, d.family, d.matter from disputed d", tenant, cancellationToken, ReadModelSql.WholeLedger).ConfigureAwait(false))
        {
            found.Add((row.GetGuid(0), row.GetInt32(1), row.GetString(2)));
        }

        var disputes = found
            .GroupBy(fact => (fact.Family, fact.Matter))
            .Select(matter => (AmongClaims: matter.Key.Family == 1, matter.Key.Matter, Versions: matter.Count()))
            .OrderByDescending(matter => matter.Versions)
            .ThenBy(matter => matter.Matter, StringComparer.Ordinal)
            .ThenBy(matter => matter.AmongClaims)
            .Take(top)
            .ToList();
        var disputeCount = found.Select(fact => fact.Matter).Distinct(StringComparer.Ordinal).Count();
        object[] given = [.. tenant, found.Select(fact => fact.Id).Distinct().ToArray()];
        var day = ReadModelSql.EffectiveDay("s", asOf.Rule);
        var (exact, atLeast, atMost, range) = ((int)Approximation.Exact, (int)Approximation.AtLeast, (int)Approximation.AtMost, (int)Approximation.Range);

        // Every fact told as reported is counted by kind and year. An open fact's sums and claims are the rules' in memory,
        // and a disputed donation is in no total: their currency is left out, as a donation's of no stated amount is, and
        // the totals are read from the groups with a currency; an open claim's metric is left out likewise.
        // Each part is grouped by a statement of its own, which PostgreSQL aggregates by hash in one pass: grouping sets
        // of the three in one statement sorted the million rows for some of them, and took three times as long.
        string Counted(string columns, string where) => $"""
            {open}, disputed as (select unnest($4::uuid[]) as id),
            counted as (
              select {columns} from {facts} s where {ReadModelSql.Told("s", asOf)}{where}
            )
            """;
        const string isOpen = "s.id in (select id from open)";
        const string isDisputed = "s.id in (select id from disputed)";
        var byYear = $"""
            {Counted($"s.type, {ReadModelSql.YearOf(day)} as year, s.donor_id, s.amount, {isOpen} as open", string.Empty)}
            select type, year, count(*)::int, (count(*) filter (where donor_id is not null and amount is null and not open))::int
            from counted group by type, year
            """;
        var (count, noAmount) = (0, 0);
        var years = new List<(string, int?, int)>();
        await foreach (var row in SqlRows.ReadAsync(session, byYear, given, cancellationToken, ReadModelSql.WholeLedger).ConfigureAwait(false))
        {
            var inYear = row.GetInt32(2);
            years.Add((row.GetString(0), row.IsDBNull(1) ? null : row.GetInt32(1), inYear));
            (count, noAmount) = (count + inYear, noAmount + row.GetInt32(3));
        }

        var byLine = $"""
            {Counted(
                $"case when not {isDisputed} and not {isOpen} then s.currency end as currency, s.donor_id, s.donor_name, s.recipient_id, s.stage, s.amount, s.approximation, "
                + $"case s.approximation when {exact} then s.amount when {atLeast} then s.amount when {atMost} then 0 when {range} then s.amount end as low, "
                + $"case s.approximation when {exact} then s.amount when {atMost} then s.amount when {range} then s.upper_bound end as high",
                " and s.donor_id is not null and s.amount is not null")}
            select currency, donor_id, min(donor_name collate "C"), recipient_id, stage, count(*)::int,
                   coalesce(sum(amount) filter (where approximation = {exact}), 0),
                   coalesce(sum(amount) filter (where approximation <> {exact}), 0),
                   case when bool_and(low is not null) then sum(low) end,
                   case when bool_and(high is not null) then sum(high) end
            from counted where currency is not null group by currency, donor_id, recipient_id, stage
            """;
        var totals = new List<StageTotal>();
        await foreach (var row in SqlRows.ReadAsync(session, byLine, given, cancellationToken, ReadModelSql.WholeLedger).ConfigureAwait(false))
        {
            var total = new AmountTotal(row.GetDecimal(6), row.GetDecimal(7), row.IsDBNull(8) ? null : row.GetDecimal(8), row.IsDBNull(9) ? null : row.GetDecimal(9));
            totals.Add(new StageTotal(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), (Stage)row.GetInt32(4), total, row.GetInt32(5)));
        }

        var byMetric = $"""
            {Counted($"s.metric, s.key, s.id, {day} as sort_day, {isDisputed} as disputed", $" and s.metric is not null and not {isOpen}")}
            select metric, count(*)::int, min({RankText("2147483647::bigint - sort_day")} || ' ' || key || ' ' || id::text collate "C"), (count(*) filter (where disputed))::int
            from counted group by metric
            """;
        var metrics = new List<(string, int, int, RankedFact)>();
        await foreach (var row in SqlRows.ReadAsync(session, byMetric, given, cancellationToken, ReadModelSql.WholeLedger).ConfigureAwait(false))
        {
            metrics.Add((row.GetString(0), row.GetInt32(1), row.GetInt32(3), Ranked(row.GetString(2))));
        }

        // The newest facts, and the newest of the kinds the report lists apart: agreements, operation results, and
        // donations of no stated amount that are settled (an open one is the rules' in memory, which rank it by
        // publication and key alone, as the last list is ranked here).
        async Task<IReadOnlyList<RankedFact>> NewestAsync(string where, bool byRecorded = true)
        {
            var newest = new List<RankedFact>();
            var ordered = $"""
                {open}
                select s.id, s.key, s.published_day, s.recorded_us from {facts} s
                where {ReadModelSql.Told("s", asOf)}{where}
                order by s.published_day desc{(byRecorded ? ", s.recorded_us desc" : string.Empty)}, s.key collate "C" limit {ReadTables.Literal(top)}
                """;
            await foreach (var row in SqlRows.ReadAsync(session, ordered, tenant, cancellationToken, ReadModelSql.WholeLedger).ConfigureAwait(false))
            {
                newest.Add(new RankedFact(row.GetGuid(0), row.GetString(1), row.GetInt32(2), row.GetInt64(3)));
            }

            return newest;
        }

        return new SettledSummary(
            count,
            noAmount,
            years,
            totals,
            metrics,
            disputes,
            disputeCount,
            await NewestAsync(string.Empty).ConfigureAwait(false),
            opened,
            await NewestAsync($" and s.type = {ReadTables.Literal(AgreementSigned.Descriptor.Name)}").ConfigureAwait(false),
            await NewestAsync($" and s.type = {ReadTables.Literal(OperationResultsClaimed.Descriptor.Name)}").ConfigureAwait(false),
            await NewestAsync($" and s.donor_id is not null and s.amount is null and not {isOpen}", byRecorded: false).ConfigureAwait(false));
    }

    /// <summary>Gets the matters of the facts <paramref name="ids"/> that have one.</summary>
    public static async Task<IReadOnlyList<string>> MattersAsync(IQuerySession session, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var matters = new List<string>();
        var sql = $"select distinct f.matter from {session.DocumentStore.Options.Events.DatabaseSchemaName}.{ReadTables.Facts} f where f.tenant_id = $1 and f.id = any($2) and f.matter is not null";
        await foreach (var row in SqlRows.ReadAsync(session, sql, [session.TenantId, ids.ToArray()], cancellationToken).ConfigureAwait(false))
        {
            matters.Add(row.GetString(0));
        }

        return matters;
    }

    /// <summary>Gets the donors of <paramref name="ids"/> as their donations state them, the first by key of each.</summary>
    public static async Task<IReadOnlyDictionary<string, Actor>> DonorsAsync(IQuerySession session, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var donors = new Dictionary<string, Actor>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return donors;
        }

        var serializer = session.DocumentStore.Options.Serializer();
        var sql = $"""
            select distinct on (f.donor_id) f.donor_id, f.donor from {session.DocumentStore.Options.Events.DatabaseSchemaName}.{ReadTables.Facts} f
            where f.tenant_id = $1 and f.donor_id = any($2) order by f.donor_id, f.key collate "C"
            """;
        await foreach (var row in SqlRows.ReadAsync(session, sql, [session.TenantId, ids.ToArray()], cancellationToken).ConfigureAwait(false))
        {
            donors[row.GetString(0)] = serializer.FromJson<Actor>(row, 1);
        }

        return donors;
    }

    /// <summary>Writes a rank of at most <see cref="RankWidth"/> digits as fixed-width text.</summary>
    private static string RankText(string expression) => $"lpad(({expression})::text, {RankWidth}, '0')";

    /// <summary>Reads a claim ranked by <see cref="RankText"/>: the rank, the key and the id, space-separated.</summary>
    private static RankedFact Ranked(string text)
    {
        var (first, last) = (text.IndexOf(' ', StringComparison.Ordinal), text.LastIndexOf(' '));
        return new RankedFact(Guid.Parse(text[(last + 1)..]), text[(first + 1)..last], 2147483647L - long.Parse(text[..first], System.Globalization.CultureInfo.InvariantCulture), 0);
    }
}
