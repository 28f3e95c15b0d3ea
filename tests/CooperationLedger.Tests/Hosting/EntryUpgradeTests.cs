using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;
using NodaTime;
using Npgsql;

namespace CooperationLedger.Tests.Hosting;

/// <summary>
/// Given the seeds in a ledger whose read rows were written before the columns of terms existed, a question says to
/// rebuild, and the rebuild fills them, so that a question naming a donor and a recipient reads their pair; given a
/// register of actors an earlier version wrote, a question that names an actor says to rebuild, and the rebuild mends it.
/// </summary>
public sealed class EntryUpgradeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly AsOf EndOf2011 = AsOf.Known(new LocalDate(2011, 12, 31));

    private static readonly DonationFilter ChinaToTheBorderService = new(Donor: "CN", Recipient: "kg-gknb");

    [Fact]
    public async Task Rows_from_before_the_terms_columns_say_to_rebuild_and_the_rebuild_fills_their_terms()
    {
        var settings = new LedgerStoreSettings { Schema = "before_terms" };
        string before;
        await using (var older = Ledger.Connect(database.ConnectionString, settings))
        {
            await older.IngestAsync(Seeds.FactFiles);
            var totals = await older.GetDonorTotalsAsync(EndOf2011, ChinaToTheBorderService);
            totals.Totals.Should().NotBeEmpty("China gave the border service equipment in the seeds");
            before = AnswerJson.Of(totals);
        }

        // What an earlier version wrote: read rows without the columns a point question finds its facts by.
        await ScalarAsync($"alter table before_terms.{ReadTables.Facts} {string.Join(", ", ReadTables.TermColumns.Append("metric_term").Select(column => $"drop column {column}"))}");

        await using var newer = Ledger.Connect(database.ConnectionString, settings);
        var asked = () => newer.GetDonorTotalsAsync(EndOf2011, ChinaToTheBorderService);

        (await asked.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("ledger rebuild");

        await newer.RebuildProjectionsAsync();

        await newer.Store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
        ((long)(await ScalarAsync($"select count(*) from before_terms.{ReadTables.Facts} where actor_keys is null"))!).Should().Be(0, "the rebuild wrote every row's terms");
        AnswerJson.Of(await asked()).Should().Be(before);
    }

    [Fact]
    public async Task A_question_naming_donor_and_recipient_reads_their_pair_from_one_index()
    {
        await using var ledger = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "pair_plan" });
        await ledger.IngestAsync(Seeds.FactFiles);
        await using var session = ledger.Store.QuerySession();
        var (sql, parameters) = FactSelection.All.WithTermPairs(new ActorSelection(["cn"], []), new ActorSelection(["kg-gknb"], []))
            .Statement("pair_plan", session.TenantId, EntryShapes.Donations.Types);

        parameters.Skip(2).Should().ContainSingle().Which.Should().BeEquivalentTo(new[] { "CN\u001FKG-GKNB" });
        ((long)(await ScalarAsync($"select count(*) from pair_plan.{ReadTables.Facts} where donor_terms is not null and cardinality(pair_terms) <> cardinality(donor_terms) * cardinality(recipient_terms)"))!)
            .Should().Be(0, "every donation's row pairs each donor term with each recipient term");

        // The seeds are too few for the planner to prefer an index of its own accord; without sequential scans it shows
        // which index the question uses: the pair's alone.
        await ScalarAsync($"analyze pair_plan.{ReadTables.Facts}");
        var plan = await QueryPlan.WithoutSequentialScansAsync(database.ConnectionString, sql, [.. parameters.Select(value => new NpgsqlParameter { Value = value })]);

        plan.Should().Contain(line => line.Contains($"{ReadTables.Facts}_idx_pair_terms", StringComparison.Ordinal))
            .And.NotContain(line => line.Contains("donor_terms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_register_of_actors_is_read_by_its_indexes()
    {
        await using var ledger = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "register_plan" });
        await ledger.IngestAsync(Seeds.FactFiles);

        var plan = await QueryPlan.WithoutSequentialScansAsync(
            database.ConnectionString,
            ActorRegistry.LookupSql(ledger.Store),
            new NpgsqlParameter { Value = new[] { "KYRGYZSTAN" } });

        plan.Should().Contain(line => line.Contains("mt_doc_actorregistration_idx_terms", StringComparison.Ordinal))
            .And.Contain(line => line.Contains("mt_doc_actorregistration_idx_members", StringComparison.Ordinal))
            .And.Contain(line => line.Contains("pkey_mt_doc_actorregistration_id", StringComparison.Ordinal))
            .And.NotContain(line => line.Contains("Seq Scan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("before_actor_terms", "update before_actor_terms.mt_doc_actorregistration set data = data - 'memberOf' - 'terms'; alter table before_actor_terms.mt_doc_actorregistration drop column terms")]
    [InlineData("before_actor_register", "drop table before_actor_register.mt_doc_actorregistration")]
    public async Task A_register_of_actors_from_an_earlier_version_says_to_rebuild_and_the_rebuild_writes_it_whole(string schema, string earlierVersion)
    {
        var settings = new LedgerStoreSettings { Schema = schema };
        string[] before;
        await using (var older = Ledger.Connect(database.ConnectionString, settings))
        {
            await older.IngestAsync(Seeds.FactFiles);
            before = await AnswersAboutKyrgyzstanAsync(older);
        }

        // What an earlier version left: registrations without the terms they are found by or the body they belong to
        // (issue 20's), or no register at all (before it).
        await ScalarAsync(earlierVersion);

        await using (var reader = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = schema, AutoCreate = JasperFx.AutoCreate.None }))
        {
            var readOnly = () => reader.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Recipient: "Kyrgyzstan"));
            (await readOnly.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*register of actors*rebuild*");
        }

        await using var newer = Ledger.Connect(database.ConnectionString, settings);
        var named = () => newer.GetTimelineAsync(AsOf.Now, "China", "Kyrgyzstan");
        (await named.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*earlier version*ledger rebuild*");
        (await newer.GetDonorTotalsAsync(AsOf.Now)).Totals.Should().NotBeEmpty("a question that names no actor needs no register");

        await newer.RebuildProjectionsAsync();

        (await AnswersAboutKyrgyzstanAsync(newer)).Should().Equal(before);
        ((long)(await ScalarAsync($"select count(*) from {schema}.mt_doc_actorregistration where coalesce(cardinality(terms), 0) = 0"))!).Should().Be(0);
        ((long)(await ScalarAsync($"select count(*) from {schema}.mt_doc_actorregistration where data ->> 'memberOf' = 'kg-gknb'"))!).Should().Be(1, "Dushebayev is a member of the GKNB");
    }

    private static async Task<string[]> AnswersAboutKyrgyzstanAsync(Ledger ledger) =>
    [
        AnswerJson.Of(await ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Recipient: "Kyrgyzstan"))),
        AnswerJson.Of(await ledger.GetTimelineAsync(AsOf.Now, "China", "Kyrgyzstan")),
    ];

    private Task<object?> ScalarAsync(string sql) => LedgerInspection.ScalarAsync(database.ConnectionString, sql);
}
