using System.Text.Json;
using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Resolution;
using CooperationLedger.Storage;
using CooperationLedger.Synthetic;
using CooperationLedger.Tests.Support;
using CooperationLedger.Views;
using Marten;
using NodaTime;
using NodaTime.Text;

namespace CooperationLedger.Tests.Synthetic;

/// <summary>
/// Given a generated history of 2,000 facts appended through the bulk path, the projections answer every as-of query
/// exactly as folding all events in memory does.
/// </summary>
public sealed class SyntheticHistoryTests(SyntheticHistoryTests.LoadedHistory history) : IClassFixture<SyntheticHistoryTests.LoadedHistory>
{
    private static readonly SyntheticHistoryOptions Options = new(Facts: 2000, Seed: 7);

    /// <summary>The point the rebuild tests compare answers at: what was known by mid-2010.</summary>
    private static readonly AsOf RebuildPoint = new() { KnownOn = new LocalDate(2010, 6, 30) };

    private LedgerFixture fixture => history.Ledger;

    /// <summary>Gets the day by the ledger's clock, which agreements' states are for when the as-of point names none.</summary>
    private LocalDate Today => fixture.Clock.GetCurrentInstant().InUtc().Date;

    [Fact]
    public void The_generator_is_deterministic_and_has_revisions_and_conflicts_in_the_stated_shares()
    {
        var first = SyntheticHistory.Generate(Options).SelectMany(document => document.Facts).ToArray();
        var second = SyntheticHistory.Generate(Options).SelectMany(document => document.Facts).ToArray();

        first.Should().HaveCount(2000);
        first.Select(FactFingerprint.Of).Should().Equal(second.Select(FactFingerprint.Of));
        first.Count(fact => fact is IRevision).Should().BeInRange(20, 70, "about 2% revise an earlier fact");
        first.OfType<StatisticClaimed>().GroupBy(claim => claim.Matter).Should().Contain(group => group.Count() > 1, "about 1% are conflicting claims");
        first.Select(fact => fact.Citation.Document.Key).Distinct().Should().HaveCount(100);
    }

    [Fact]
    public async Task The_bulk_path_appends_everything_once_and_a_second_load_appends_nothing()
    {
        history.FirstLoad.FactsAppended.Should().Be(2000);
        var again = await fixture.Ledger.AppendManyAsync(SyntheticHistory.GenerateAsync(Options), batchFacts: 500);

        again.FactsAppended.Should().Be(0);
        again.FactsAlreadyPresent.Should().Be(2000);
        (await fixture.Ledger.VerifyAsync()).QuotesVerified.Should().BeTrue();
    }

    [Fact]
    public async Task The_as_of_bounds_are_literals_in_the_sql_so_each_point_is_planned_for_itself()
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        var asOf = new AsOf { Effective = new LocalDate(2006, 12, 31), KnownOn = new LocalDate(2007, 1, 15), RecordedAt = Instant.FromUtc(2026, 1, 10, 9, 0) };

        var (sql, parameters) = AsOfBounds.Apply(FactSelection.All, asOf, BoundsUse.Indexed).WithTerms("donor_terms", new ActorSelection(["cn"], ["CN"]))
            .Statement(session.DocumentStore.Options.Events.DatabaseSchemaName, session.TenantId, EntryShapes.Donations.Types);

        sql.Should().Contain("f.effective_to <= 20061231").And.Contain("f.known_to <= 20070115").And.Contain("f.recorded_us <= 1768035600000000");
        parameters.Skip(2).Should().ContainSingle("only what the question names is a parameter, after the tenant and the kinds")
            .Which.Should().BeEquivalentTo(new[] { "CN" });
        (await AsOfBounds.Apply(FactSelection.All, asOf, BoundsUse.Indexed).LoadAsync(session, EntryShapes.Donations, CancellationToken.None))
            .Should().NotBeEmpty().And.OnlyContain(entry => entry.RecordedAt <= asOf.RecordedAt);
    }

    [Fact]
    public async Task Bounds_checked_on_the_facts_found_keep_the_same_facts_and_are_never_looked_up_in_a_bound_index()
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        var asOf = new AsOf { Effective = new LocalDate(2004, 12, 31), KnownOn = new LocalDate(2005, 6, 30), RecordedAt = SystemClock.Instance.GetCurrentInstant() };
        var indexed = AsOfBounds.Apply(FactSelection.All, asOf, BoundsUse.Indexed);
        var checkedOnly = AsOfBounds.Apply(FactSelection.All, asOf, BoundsUse.CheckOnly);

        var kept = (await indexed.LoadAsync(session, EntryShapes.Donations, CancellationToken.None)).Select(entry => entry.Id).ToArray();
        kept.Should().NotBeEmpty();
        (await checkedOnly.LoadAsync(session, EntryShapes.Donations, CancellationToken.None)).Select(entry => entry.Id).Should().BeEquivalentTo(kept);

        // Without sequential scans the planner takes any index it can use: a bound index for the bounds it may look
        // up, none for the bounds it may only check.
        (await PlanAsync(indexed)).Should().Contain(line => ReadsBoundIndex(line));
        (await PlanAsync(checkedOnly)).Should().NotContain(line => ReadsBoundIndex(line));

        Task<IReadOnlyList<string>> PlanAsync(FactSelection selection)
        {
            var (sql, parameters) = selection.Statement(session.DocumentStore.Options.Events.DatabaseSchemaName, session.TenantId, EntryShapes.Donations.Types);
            return QueryPlan.WithoutSequentialScansAsync(fixture.ConnectionString, sql, [.. parameters.Select(value => new Npgsql.NpgsqlParameter { Value = value })]);
        }
    }

    [Fact]
    public async Task After_the_bulk_path_the_read_tables_are_analyzed_so_queries_are_planned_for_their_size()
    {
        var estimates = (await SchemaRowsAsync(
                "select relname, reltuples from pg_class join pg_namespace on pg_namespace.oid = relnamespace where nspname = $1 and relkind = 'r' and relname like 'ledger_%'",
                reader => (Table: reader.GetString(0), Rows: reader.GetFloat(1))))
            .ToDictionary(row => row.Table, row => row.Rows);

        // reltuples is -1 for a table never analyzed or vacuumed; ANALYZE sets it to the rows it counted.
        estimates.Should().HaveCount(2);
        var events = await AllEventsAsync();
        estimates[ReadTables.Facts].Should().Be(events.Count(e => e.Data is IReportedFact), "the whole-ledger questions are planned by the read tables' statistics");
        estimates[ReadTables.Revisions].Should().Be(events.Count(e => e.Data is IRevision));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task As_of_answers_equal_the_naive_fold_of_every_event(int seed)
    {
        var events = await AllEventsAsync();
        var random = new Random(seed);
        var recorded = events[random.Next(events.Count)].RecordedAt;
        var asOf = new AsOf
        {
            Effective = new LocalDate(1995 + random.Next(30), 1 + random.Next(12), 1),
            KnownOn = new LocalDate(1995 + random.Next(30), 1 + random.Next(12), 1),
            RecordedAt = seed == 3 ? null : recorded,
            Rule = seed == 2 ? DateRule.Possibly : DateRule.Certainly,
        };
        var replay = EntryFold.Fold(events.Where(e => asOf.IncludesRecorded(e.RecordedAt)));

        var donors = await fixture.Ledger.GetDonorTotalsAsync(asOf);
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(asOf);
        var agreements = await fixture.Ledger.GetAgreementsAsync(asOf);
        var timeline = await fixture.Ledger.GetTimelineAsync(asOf, "KG");

        donors.Totals.Should().NotBeEmpty();
        AnswerJson.Of(donors).Should().Be(AnswerJson.Of(DonorTotalsAnswer.From(replay.Donations, asOf, DonationFilter.None, replay.Actors, replay.Citations)));
        AnswerJson.Of(claims).Should().Be(AnswerJson.Of(ClaimedStatisticsAnswer.From(replay.Claims, asOf, ClaimFilter.None, replay.Actors, replay.Citations)));
        AnswerJson.Of(agreements).Should().Be(AnswerJson.Of(AgreementsAnswer.From(replay.Agreements, asOf, null, null, replay.Actors, replay.Citations, Today)));
        AnswerJson.Of(timeline).Should().Be(AnswerJson.Of(TimelineAnswer.From(replay.Timeline, asOf, ["kg"], replay.Actors, replay.Citations)));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public async Task Answers_narrowed_in_sql_by_actor_metric_or_matter_equal_the_naive_fold_with_the_same_filter(int seed)
    {
        var events = await AllEventsAsync();
        var facts = events.Select(e => e.Data).OfType<IReportedFact>().ToArray();
        var random = new Random(seed);
        var revised = events.Select(e => e.Data).OfType<IRevision>().Select(revision => revision.Revises).ToHashSet();

        // A donation that no revision or dispute can leave out of every total, so that its line is there to compare.
        var counted = facts.OfType<EquipmentDonated>().Where(d => !revised.Contains(d.FactId) && d.Matter is null).ToArray();
        var donation = counted[random.Next(counted.Length)];
        var claim = facts.OfType<StatisticClaimed>().Where(c => facts.OfType<StatisticClaimed>().Count(other => other.Matter == c.Matter) > 1).First();
        var standing = facts.OfType<AgreementSigned>().Where(a => !revised.Contains(a.FactId)).ToArray();
        var agreement = standing[random.Next(standing.Length)];
        var asOf = new AsOf { KnownOn = new LocalDate(2000 + random.Next(25), 1 + random.Next(12), 1) };
        var replay = EntryFold.Fold(events);

        // Each actor is named as a user would: by country code in lower case, by name in upper case, by key.
        var donations = new DonationFilter(Donor: donation.Donor.Country?.ToLowerInvariant() ?? donation.Donor.Id, Recipient: donation.Recipient.Name.ToUpperInvariant());
        var byMetric = new ClaimFilter(Metric: claim.Metric.ToUpperInvariant(), Subject: claim.Subject.Id);
        var byMatter = new ClaimFilter(Matter: claim.Matter);
        var byClaimant = new ClaimFilter(Claimant: claim.Claimant!.Name.ToLowerInvariant());
        var (party, other) = (agreement.Parties[0].Country!, agreement.Parties[1].Name.ToLowerInvariant());

        var donorTotals = await fixture.Ledger.GetDonorTotalsAsync(AsOf.Now, donations);
        donorTotals.Totals.Should().NotBeEmpty();
        AnswerJson.Of(donorTotals).Should().Be(AnswerJson.Of(DonorTotalsAnswer.From(replay.Donations, AsOf.Now, donations, replay.Actors, replay.Citations)));
        AnswerJson.Of(await fixture.Ledger.GetDonorTotalsAsync(asOf, donations)).Should().Be(AnswerJson.Of(DonorTotalsAnswer.From(replay.Donations, asOf, donations, replay.Actors, replay.Citations)));
        foreach (var filter in new[] { byMetric, byMatter, byClaimant })
        {
            var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, filter);
            claims.Claims.Should().NotBeEmpty();
            AnswerJson.Of(claims).Should().Be(AnswerJson.Of(ClaimedStatisticsAnswer.From(replay.Claims, AsOf.Now, filter, replay.Actors, replay.Citations)));
        }

        (await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, byMatter)).Claims.Should().HaveCountGreaterThan(1, "the sources disagree on this matter");
        var between = await fixture.Ledger.GetAgreementsAsync(AsOf.Now, party, other);
        between.Should().Contain(a => a.FactId == agreement.FactId);
        AnswerJson.Of(between).Should().Be(AnswerJson.Of(AgreementsAnswer.From(replay.Agreements, AsOf.Now, party, other, replay.Actors, replay.Citations, Today)));

        // A timeline narrows by the indexed actor keys: one actor by key, two by key and country code.
        string[] one = [donation.Recipient.Id], two = [donation.Donor.Id, donation.Recipient.Country!.ToLowerInvariant()];
        foreach (var keys in new[] { one, two })
        {
            var timeline = await fixture.Ledger.GetTimelineAsync(asOf, keys[0], keys.ElementAtOrDefault(1));
            AnswerJson.Of(timeline).Should().Be(AnswerJson.Of(TimelineAnswer.From(replay.Timeline, asOf, keys, replay.Actors, replay.Citations)));
        }

        (await fixture.Ledger.GetTimelineAsync(AsOf.Now, two[0], two[1])).Should().Contain(item => item.FactId == donation.FactId);

        // Questions that name two actors or a matter check their bounds on the entries they find rather than look them
        // up (BoundsUse.CheckOnly): at a point on all three axes, under either rule, they still equal the fold.
        // The second point is the named donation's own: the last day it can have happened, the day its document was
        // published and the instant it was recorded, so that a bound one day or one millisecond too strict loses it.
        var randomPoint = new AsOf
        {
            Effective = new LocalDate(2010 + random.Next(15), 1 + random.Next(12), 1),
            KnownOn = new LocalDate(2010 + random.Next(15), 1 + random.Next(12), 1),
            RecordedAt = events[(events.Count / 2) + random.Next(events.Count / 2)].RecordedAt,
            Rule = seed % 2 == 0 ? DateRule.Possibly : DateRule.Certainly,
        };
        var donationsOwn = new AsOf
        {
            Effective = donation.Effective.Latest,
            KnownOn = donation.Citation.Document.PublishedOn.Latest,
            RecordedAt = events.Single(e => e.Data is IReportedFact fact && fact.FactId == donation.FactId).RecordedAt,
        };
        foreach (var point in new[] { randomPoint, donationsOwn })
        {
            var recorded = EntryFold.Fold(events.Where(e => point.IncludesRecorded(e.RecordedAt)));
            AnswerJson.Of(await fixture.Ledger.GetDonorTotalsAsync(point, donations))
                .Should().Be(AnswerJson.Of(DonorTotalsAnswer.From(recorded.Donations, point, donations, recorded.Actors, recorded.Citations)));
            AnswerJson.Of(await fixture.Ledger.GetClaimedStatisticsAsync(point, byMatter))
                .Should().Be(AnswerJson.Of(ClaimedStatisticsAnswer.From(recorded.Claims, point, byMatter, recorded.Actors, recorded.Citations)));
            AnswerJson.Of(await fixture.Ledger.GetAgreementsAsync(point, party, other))
                .Should().Be(AnswerJson.Of(AgreementsAnswer.From(recorded.Agreements, point, party, other, recorded.Actors, recorded.Citations, Today)));
            AnswerJson.Of(await fixture.Ledger.GetTimelineAsync(point, two[0], two[1]))
                .Should().Be(AnswerJson.Of(TimelineAnswer.From(recorded.Timeline, point, two, recorded.Actors, recorded.Citations)));
        }

        (await fixture.Ledger.GetTimelineAsync(donationsOwn, two[0], two[1])).Should().Contain(item => item.FactId == donation.FactId);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(250)]
    public async Task A_full_rebuild_of_the_projections_gives_the_same_answers(int chunkEvents)
    {
        var before = await AnswersAsync();
        var revisedBefore = await RevisedEntriesAsync();
        var indexesBefore = await EntryIndexDefinitionsAsync();
        await LedgerInspection.ScalarAsync(fixture.ConnectionString, $"delete from {fixture.Ledger.Store.Options.DatabaseSchemaName}.{ReadTables.Facts}");
        (await fixture.Ledger.GetDonorTotalsAsync(RebuildPoint)).Totals.Should().BeEmpty("the projections were emptied");
        await fixture.Ledger.RebuildProjectionsAsync(chunkEvents, CancellationToken.None);

        (await AnswersAsync()).Should().Be(before);
        (await RevisedEntriesAsync()).Should().Be(revisedBefore).And.BeGreaterThan(20, "revisions of facts from earlier chunks are found by their rows");
        indexesBefore.Should().HaveCountGreaterThan(10).And.Contain(definition => definition.Contains("USING gin", StringComparison.Ordinal));
        (await EntryIndexDefinitionsAsync()).Should().Equal(indexesBefore, "the indexes set aside while the rows were written are built again as they were");
    }

    [Fact]
    public async Task A_rebuild_cancelled_part_way_leaves_the_projections_and_their_indexes_as_they_were()
    {
        var before = await AnswersAsync();
        var indexesBefore = await EntryIndexDefinitionsAsync();

        using var cancellation = new CancellationTokenSource();
        var rebuild = fixture.Ledger.RebuildProjectionsAsync(50, cancellation.Token);
        (await RebuildLock.WaitUntilHeldAsync(fixture.ConnectionString, fixture.Ledger.Store.Options.DatabaseSchemaName, rebuild)).Should().BeTrue("the rebuild empties the tables first");

        // Cancelled as soon as it holds its lock, at the start of its writes: a wait here would let a rebuild on a quiet
        // machine reach its commit first, which no token stops.
        rebuild.IsCompleted.Should().BeFalse("the rebuild must be cancelled while it writes");
        await cancellation.CancelAsync();

        await rebuild.Awaiting(task => task).Should().ThrowAsync<OperationCanceledException>();
        (await AnswersAsync()).Should().Be(before, "nothing of a cancelled rebuild is kept");
        (await EntryIndexDefinitionsAsync()).Should().Equal(indexesBefore, "the indexes it set aside are back with the rollback");
        await fixture.Ledger.RebuildProjectionsAsync();
        (await AnswersAsync()).Should().Be(before);
    }

    /// <summary>Answers to a question of every kind, as JSON, at a fixed point: to compare before and after a rebuild.</summary>
    private async Task<string> AnswersAsync() =>
        AnswerJson.Of(await fixture.Ledger.GetDonorTotalsAsync(RebuildPoint)) + AnswerJson.Of(await fixture.Ledger.GetClaimedStatisticsAsync(RebuildPoint))
        + AnswerJson.Of(await fixture.Ledger.GetAgreementsAsync(AsOf.Now)) + AnswerJson.Of(await fixture.Ledger.GetTimelineAsync(RebuildPoint, "KZ"));

    private Task<IReadOnlyList<string>> EntryIndexDefinitionsAsync() =>
        SchemaRowsAsync("select indexdef from pg_indexes where schemaname = $1 and tablename like 'ledger_%' order by indexname", reader => reader.GetString(0));

    private static bool ReadsBoundIndex(string line) =>
        new[] { "_idx_known_from", "_idx_known_to", "_idx_recorded_us" }.Any(index => line.Contains(index, StringComparison.Ordinal));

    /// <summary>Reads the rows of a catalog query whose one parameter, <c>$1</c>, is the ledger's schema.</summary>
    private async Task<IReadOnlyList<T>> SchemaRowsAsync<T>(string sql, Func<Npgsql.NpgsqlDataReader, T> read)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection)
        {
            Parameters = { new() { Value = fixture.Ledger.Store.Options.DatabaseSchemaName } },
        };
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    [Fact]
    public async Task Every_event_reads_back_as_generated_though_the_store_leaves_null_members_out()
    {
        var generated = SyntheticHistory.Generate(Options).SelectMany(document => document.Facts).ToDictionary(fact => fact.FactId, FactFingerprint.Of);
        var stored = (await AllEventsAsync()).Select(e => (ILedgerEvent)e.Data).ToDictionary(fact => fact.FactId, FactFingerprint.Of);

        stored.Should().Equal(generated);
        (await RowsWhereAsync("mt_events", "strict $.** ? (@ == null)")).Should().Be(0);
    }

    [Fact]
    public async Task Each_entry_points_at_its_event_for_the_citation_and_no_row_keeps_a_copy_of_it()
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        var events = (await session.Events.QueryAllRawEvents().ToListAsync()).ToDictionary(e => (e.StreamId, e.Version), e => (ILedgerEvent)e.Data);
        var timeline = await StoredEntries.AllAsync(fixture.Ledger, EntryShapes.Timeline);
        var claims = await StoredEntries.AllAsync(fixture.Ledger, EntryShapes.Claims);

        timeline.Should().HaveCount(events.Values.Count(e => e is IReportedFact));
        foreach (var entry in timeline.Concat<LedgerEntry>(claims))
        {
            events[(entry.Source!.StreamId, entry.Source.Version)].FactId.Should().Be(entry.Id);
            events[(entry.Source.StreamId, entry.Source.Version)].Citation.Document.PublishedOn.Should().Be(entry.PublishedOn);
        }

        var revisions = timeline.SelectMany(entry => entry.Revisions).ToArray();
        revisions.Should().NotBeEmpty();
        revisions.Should().HaveCount(events.Values.Count(e => e is IRevision && timeline.Any(entry => entry.Id == ((IRevision)e).Revises)));
        revisions.Should().AllSatisfy(revision => events[(revision.Source!.StreamId, revision.Source.Version)].FactId.Should().Be(revision.Id));

        var schema = fixture.Ledger.Store.Options.DatabaseSchemaName;
        ((long)(await LedgerInspection.ScalarAsync(fixture.ConnectionString, $"select count(*) from {schema}.{ReadTables.Facts} where shown is not null"))!).Should().BePositive();
        ((long)(await LedgerInspection.ScalarAsync(
            fixture.ConnectionString,
            $"select count(*) from {schema}.{ReadTables.Facts} where jsonb_path_exists(coalesce(shown, '{{}}') || coalesce(donor, '{{}}') || coalesce(recipient, '{{}}'), 'strict $.**.quote')"))!)
            .Should().Be(0, "no row keeps a copy of a quote");
    }

    /// <summary>Counts the rows of one of the ledger's tables whose stored JSON matches a JSON path.</summary>
    private async Task<long> RowsWhereAsync(string table, string jsonPath) =>
        (long)(await LedgerInspection.ScalarAsync(
            fixture.ConnectionString,
            $"select count(*) from {fixture.Ledger.Store.Options.DatabaseSchemaName}.{table} where jsonb_path_exists(data, $1::jsonpath)",
            jsonPath))!;

    private async Task<int> RevisedEntriesAsync()
    {
        var timeline = await StoredEntries.AllAsync(fixture.Ledger, EntryShapes.Timeline);
        return timeline.Count(entry => entry.Revisions.Count > 0);
    }

    private async Task<IReadOnlyList<(object Data, Instant RecordedAt)>> AllEventsAsync()
    {
        await using var session = fixture.Ledger.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        return events.Select(e => (e.Data, Instant.FromDateTimeOffset(e.Timestamp))).ToArray();
    }

    [Theory]
    [InlineData(null, null, "certainly")]
    [InlineData("2004-06-30", null, "certainly")]
    [InlineData(null, "2008-12-31", "possibly")]
    public async Task The_summary_adds_up_to_the_full_answers_it_summarises(string? effective, string? knownOn, string rule)
    {
        var point = new AsOf
        {
            Effective = effective is null ? null : LocalDatePattern.Iso.Parse(effective).Value,
            KnownOn = knownOn is null ? null : LocalDatePattern.Iso.Parse(knownOn).Value,
            Rule = rule == "possibly" ? DateRule.Possibly : DateRule.Certainly,
        };

        var summary = await fixture.Ledger.GetSummaryAsync(point, top: 3);
        var donors = await fixture.Ledger.GetDonorTotalsAsync(point);
        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(point);
        var timeline = await fixture.Ledger.GetTimelineAsync(point);

        summary.Facts.Should().Be(timeline.Count).And.BeGreaterThan(0);
        summary.Kinds.Select(kind => (kind.Type, kind.Facts)).Should().BeEquivalentTo(timeline.GroupBy(item => item.Type).Select(kind => (kind.Key, kind.Count())));
        summary.Kinds.Select(kind => kind.Years.Sum(year => year.Facts)).Should().Equal(summary.Kinds.Select(kind => kind.Facts));
        summary.Currencies.Select(currency => currency.Currency.Code).Should().Equal(donors.Totals.Select(total => total.Currency.Code).Distinct().Order(StringComparer.Ordinal));
        foreach (var currency in summary.Currencies)
        {
            var lines = donors.Totals.Where(total => total.Currency == currency.Currency).ToArray();
            currency.Donations.Should().Be(lines.Sum(total => total.Donations));
            currency.Realised.Exact.Should().Be(lines.Sum(total => total.Realised.Exact));
            currency.Pledged.Approximate.Should().Be(lines.Sum(total => total.Pledged.Approximate));
            currency.Donors.Should().Be(lines.Select(total => total.Donor.Id).Distinct().Count());
            currency.Largest.Should().HaveCount(Math.Min(3, currency.Donors));
            var ranks = currency.Largest.Select(donor => donor.Committed.Exact + donor.Committed.Approximate + donor.Realised.Exact + donor.Realised.Approximate).ToArray();
            ranks.Should().BeInDescendingOrder();
            var last = ranks[^1];
            var left = lines.GroupBy(total => total.Donor.Id).Where(donor => currency.Largest.All(kept => kept.Donor.Id != donor.Key));
            left.Should().OnlyContain(donor => donor.Sum(total => total.Committed.Exact + total.Committed.Approximate + total.Realised.Exact + total.Realised.Approximate) <= last);
        }

        summary.NoAmountStated.Should().Be(donors.NoAmountStated.Count);
        summary.DisputeCount.Should().Be(donors.Disputes.Concat(claims.Disputes).Select(dispute => dispute.Matter).Distinct().Count());
        summary.Disputes.Should().HaveCount(Math.Min(3, summary.DisputeCount));
        summary.Metrics.Select(metric => metric.Claims).Should().BeInDescendingOrder().And.HaveCount(Math.Min(3, claims.Claims.Select(claim => claim.Metric).Distinct().Count()));
        var newest = summary.Newest.Select(item => item.FactId).ToHashSet();
        newest.Should().HaveCount(3);
        var oldestKept = summary.Newest.Min(item => item.Sources[0].Citation.Document.PublishedOn.Latest!.Value);
        timeline.Where(item => !newest.Contains(item.FactId)).Should().OnlyContain(item => item.Sources[0].Citation.Document.PublishedOn.Latest!.Value <= oldestKept);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public async Task The_summary_added_up_in_sql_equals_the_summary_of_the_naive_fold(int seed)
    {
        var events = await AllEventsAsync();
        var point = RandomPoint(events, seed, anyEffective: seed == 24, anyKnown: seed == 23);

        var summary = await fixture.Ledger.GetSummaryAsync(point, top: 4);

        summary.Facts.Should().BeGreaterThan(100);
        summary.DisputeCount.Should().BeGreaterThan(0, "the history has conflicting claims");
        AnswerJson.Of(summary).Should().Be(AnswerJson.Of(SummaryOfFold(events, point, top: 4)));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public async Task The_whole_ledger_donor_listing_added_up_in_sql_equals_the_donor_totals_of_the_naive_fold(int seed)
    {
        var events = await AllEventsAsync();
        var point = RandomPoint(events, seed, anyEffective: seed == 33, anyKnown: false);
        var replay = EntryFold.Fold(events.Where(e => point.IncludesRecorded(e.RecordedAt)));
        var expected = DonorTotalsAnswer.From(replay.Donations, point, DonationFilter.None, replay.Actors, replay.Citations);

        var listing = await fixture.Ledger.ListDonorTotalsAsync(point);

        expected.Totals.Should().HaveCountGreaterThan(20);
        await ListingShouldMatch(listing, expected);
    }

    [Theory]
    [InlineData(34)]
    [InlineData(35)]
    [InlineData(36)]
    public async Task The_whole_ledger_claims_listing_read_in_sql_equals_the_claims_of_the_naive_fold(int seed)
    {
        var events = await AllEventsAsync();
        var point = RandomPoint(events, seed, anyEffective: seed == 36, anyKnown: false);
        var replay = EntryFold.Fold(events.Where(e => point.IncludesRecorded(e.RecordedAt)));
        var expected = ClaimedStatisticsAnswer.From(replay.Claims, point, ClaimFilter.None, replay.Actors, replay.Citations);

        var listing = await fixture.Ledger.ListClaimedStatisticsAsync(point);

        expected.Claims.Should().HaveCountGreaterThan(20);
        expected.Disputes.Should().NotBeEmpty("the history has conflicting claims");
        expected.Claims.Should().Contain(claim => claim.CorroboratedBy != null, "the history has claims that agree");
        await ClaimsListingShouldMatch(listing, expected);
    }

    /// <summary>
    /// Gets a point from <paramref name="seed"/>: effective and known on the first of a month from 2000, or on no day at
    /// all where told so, recorded within the last two thirds of the history, under either rule.
    /// </summary>
    private static AsOf RandomPoint(IReadOnlyList<(object Data, Instant RecordedAt)> events, int seed, bool anyEffective, bool anyKnown)
    {
        var random = new Random(seed);
        return new AsOf
        {
            Effective = anyEffective ? null : new LocalDate(2000 + random.Next(25), 1 + random.Next(12), 1),
            KnownOn = anyKnown ? null : new LocalDate(2000 + random.Next(25), 1 + random.Next(12), 1),
            RecordedAt = events[(events.Count / 3) + random.Next(2 * events.Count / 3)].RecordedAt,
            Rule = seed % 2 == 0 ? DateRule.Possibly : DateRule.Certainly,
        };
    }

    /// <summary>
    /// Asserts that a listing gives what <paramref name="expected"/> says: the same lines (in key order, each naming
    /// the facts whose sources the line lists), the sources of each line's facts, once each, and the same donations of
    /// no stated amount and disputes; and the same again when read a second time.
    /// </summary>
    internal static async Task ListingShouldMatch(DonorTotalsListing listing, DonorTotals expected)
    {
        var totals = await listing.ReadTotalsAsync().ToListAsync();
        var sources = await listing.ReadSourcesAsync().ToListAsync();

        totals.Select(Line).Should().BeInAscendingOrder(StringComparer.Ordinal);
        totals.Should().NotContain(total => total.Sources.Count > 0, "a listing gives its sources apart");
        totals.Select(total => AnswerJson.Of(total)).Order(StringComparer.Ordinal)
            .Should().Equal(expected.Totals.Select(total => AnswerJson.Of(total with { Sources = [] })).Order(StringComparer.Ordinal));
        sources.Select(source => source.FactId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(totals.SelectMany(total => total.Facts));
        var byFact = sources.ToDictionary(source => source.FactId);
        foreach (var total in expected.Totals)
        {
            AnswerJson.Of(total.Facts.SelectMany(id => byFact[id].Sources).ToArray()).Should().Be(AnswerJson.Of(total.Sources.ToArray()), "a line's sources are those of its facts, in order");
        }

        AnswerJson.Of(listing.NoAmountStated.ToArray()).Should().Be(AnswerJson.Of(expected.NoAmountStated.ToArray()));
        AnswerJson.Of(listing.Disputes.ToArray()).Should().Be(AnswerJson.Of(expected.Disputes.ToArray()));
        (await listing.ReadTotalsAsync().ToListAsync()).Select(total => AnswerJson.Of(total)).Should().Equal(totals.Select(total => AnswerJson.Of(total)), "a listing read again gives the same");
        var held = DonorTotalsListing.From(expected with { Totals = [.. expected.Totals.Reverse()] });
        (await held.ReadTotalsAsync().ToListAsync()).Select(total => AnswerJson.Of(total)).Should().Equal(totals.Select(total => AnswerJson.Of(total)), "an answer held whole is listed in the same order");
        AnswerJson.Of(await held.ReadSourcesAsync().OrderBy(source => source.FactId).ToListAsync()).Should().Be(AnswerJson.Of(sources.OrderBy(source => source.FactId).ToList()));

        static string Line(DonorTotal total) => $"{total.Donor.Id}\u0001{total.Recipient.Id}\u0001{total.Currency.Code}";
    }

    /// <summary>
    /// Asserts that a claims listing gives what <paramref name="expected"/> says: the same claims in the same order, with
    /// no sources, each claim's sources once and as the answer lists them, the same disputes; and the same again when
    /// read a second time, or from the answer held whole.
    /// </summary>
    internal static async Task ClaimsListingShouldMatch(ClaimedStatisticsListing listing, ClaimedStatistics expected)
    {
        var claims = await listing.ReadClaimsAsync().ToListAsync();
        var sources = await listing.ReadSourcesAsync().ToListAsync();

        claims.Should().NotContain(claim => claim.Sources.Count > 0, "a listing gives its sources apart");
        claims.Select(claim => AnswerJson.Of(claim)).Should().Equal(expected.Claims.Select(claim => AnswerJson.Of(claim with { Sources = [] })));
        sources.Select(source => source.FactId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(claims.Select(claim => claim.FactId));
        var byFact = sources.ToDictionary(source => source.FactId);
        foreach (var claim in expected.Claims)
        {
            AnswerJson.Of(byFact[claim.FactId].Sources.ToArray()).Should().Be(AnswerJson.Of(claim.Sources.ToArray()), "a claim's sources are listed once, as the answer gives them");
        }

        AnswerJson.Of(listing.Disputes.ToArray()).Should().Be(AnswerJson.Of(expected.Disputes.ToArray()));
        (await listing.ReadClaimsAsync().ToListAsync()).Select(claim => AnswerJson.Of(claim)).Should().Equal(claims.Select(claim => AnswerJson.Of(claim)), "a listing read again gives the same");
        var held = ClaimedStatisticsListing.From(expected with { Claims = [.. expected.Claims.Reverse()] });
        (await held.ReadClaimsAsync().ToListAsync()).Select(claim => AnswerJson.Of(claim)).Should().Equal(claims.Select(claim => AnswerJson.Of(claim)), "an answer held whole is listed in the same order");
        AnswerJson.Of(await held.ReadSourcesAsync().OrderBy(source => source.FactId).ToListAsync()).Should().Be(AnswerJson.Of(sources.OrderBy(source => source.FactId).ToList()));
    }

    /// <summary>
    /// Gets the summary every rule in memory gives from the naive fold of the events recorded by the point, with no fact
    /// left to SQL: the reference the read tables' sums must equal.
    /// </summary>
    internal static LedgerSummary SummaryOfFold(IEnumerable<(object Data, Instant RecordedAt)> events, AsOf point, int top)
    {
        var replay = EntryFold.Fold(events.Where(e => point.IncludesRecorded(e.RecordedAt)));
        var timeline = AsOfResolution.ResolveAll(replay.Timeline, point);
        var donors = DonorTotalsAnswer.From(replay.Donations, point, DonationFilter.None, replay.Actors, replay.Citations);
        var claims = ClaimedStatisticsAnswer.From(replay.Claims, point, ClaimFilter.None, replay.Actors, replay.Citations);
        var draft = SummaryAnswer.Join(point, top, SettledSummary.Empty, timeline, donors, claims);
        var newest = TimelineAnswer.FromResolved(timeline.Where(r => draft.Newest.Contains(r.Entry.Id)), point, [], replay.Actors, replay.Citations);
        var actors = replay.Donations.OrderBy(entry => entry.Key, StringComparer.Ordinal).GroupBy(entry => entry.Donor.Id).ToDictionary(donor => donor.Key, donor => donor.First().Donor);
        // The ledger's today is its clock's, which records the point's last event.
        var today = (point.RecordedAt ?? SystemClock.Instance.GetCurrentInstant()).InUtc().Date;
        var agreements = AgreementsAnswer.From(replay.Agreements.Where(entry => draft.Agreements.Contains(entry.Id)), point, null, null, replay.Actors, replay.Citations, today);
        var counted = events.Select(e => e.Data).OfType<OperationResultsClaimed>().ToDictionary(fact => fact.FactId);
        var operations = TimelineAnswer.FromResolved(timeline.Where(r => draft.Operations.Contains(r.Entry.Id)), point, [], replay.Actors, replay.Citations)
            .Select(item => new OperationResults(item.FactId, item.Key, counted[item.FactId].By, counted[item.FactId].Period, item.Effective, counted[item.FactId].Counts, item.Standing, item.Sources));
        return draft.Complete(claims.Claims.ToDictionary(claim => claim.FactId), newest, actors, new Dictionary<(bool, string), Dispute>(), agreements, operations, []);
    }

    [Fact]
    public async Task The_report_is_short_whatever_the_ledger_holds_and_the_same_on_a_rerun()
    {
        // Tables at a terminal's width; a pipe's blocks take a few lines an item more, and are bounded the same way.
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString, ["COLUMNS"] = "200" };
        var piped = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString }, "report");

        var first = await CliRunner.InProcessAsync(environment, "report");
        var second = await CliRunner.InProcessAsync(environment, "report");
        var all = await CliRunner.InProcessAsync(environment, "report", "--all");
        var narrow = await CliRunner.InProcessAsync(environment, "report", "--top", "1", "--json");
        var none = await CliRunner.InProcessAsync(environment, "report", "--top", "0");
        var words = await CliRunner.InProcessAsync(environment, "report", "--top", "abc");
        var two = await CliRunner.InProcessAsync(environment, "report", "--top", "2");

        first.ExitCode.Should().Be(0, first.Error);
        first.Output.Should().Contain("Facts by kind").And.Contain("Who gave what to whom").And.Contain("Agreements, newest reported first").And.Contain("Newest facts").And.Contain("Sources");
        Lines(first.Output).Should().BeLessThan(200);
        Lines(piped.Output).Should().BeLessThan(500);
        second.Output.Should().Be(first.Output);
        Lines(all.Output).Should().BeGreaterThan(5 * Lines(first.Output), "--all lists every donor total and claim of 2,000 facts");
        var json = JsonDocument.Parse(narrow.Output).RootElement;
        json.GetProperty("currencies").EnumerateArray().Should().OnlyContain(currency => currency.GetProperty("largest").GetArrayLength() == 1);
        json.GetProperty("newest").GetArrayLength().Should().Be(1);
        none.ExitCode.Should().Be(2);
        none.Error.Should().Contain("--top takes a whole number from 1");
        words.ExitCode.Should().Be(2, "a usage error, not a crash");
        words.Error.Should().Contain("'abc' is not one").And.NotContain("System.");
        two.Output.Should().Contain("8 other currencies: ledger donors --currency CODE", "the report keeps the two currencies with the most donations of the ten");
    }

    [Fact]
    public void A_fact_that_says_a_great_deal_takes_a_few_lines_of_the_report()
    {
        var items = string.Join(", ", Enumerable.Range(1, 150).Select(n => $"item {n}"));

        var cell = CooperationLedger.Cli.Output.SummaryOutput.Short($"China will donate {items} to the Kyrgyz army");

        cell.Length.Should().BeLessThanOrEqualTo(160);
        cell.Should().StartWith("China will donate item 1, item 2").And.EndWith("...");
        cell[..^3].Split(' ').Should().OnlyContain(word => ($"China will donate {items} to the Kyrgyz army").Split(' ').Contains(word), "the cut falls between words");
        CooperationLedger.Cli.Output.SummaryOutput.Short("China will donate trucks").Should().Be("China will donate trucks");
    }

    private static int Lines(string text) => text.Split('\n').Length;

    /// <summary>The history, loaded once for the class through the bulk path, with recorded times 10 ms apart.</summary>
    public sealed class LoadedHistory : IAsyncLifetime
    {
        public LedgerFixture Ledger { get; } = new();

        public IngestReport FirstLoad { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Ledger.InitializeAsync();
            Ledger.Clock.AutoAdvance = Duration.FromMilliseconds(10);
            FirstLoad = await Ledger.Ledger.AppendManyAsync(SyntheticHistory.GenerateAsync(Options), batchFacts: 500);
        }

        public Task DisposeAsync() => Ledger.DisposeAsync();
    }
}
