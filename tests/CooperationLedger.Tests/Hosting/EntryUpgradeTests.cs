using CooperationLedger.Donations;
using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.Tests.Support;
using CooperationLedger.Time;
using Marten;
using NodaTime;
using Npgsql;

namespace CooperationLedger.Tests.Hosting;

/// <summary>
/// Given the seeds in a ledger whose donation entries were written before the donor-and-recipient pair column existed,
/// a newer ledger adds the column and still finds those entries when a question names a donor and a recipient.
/// </summary>
public sealed class EntryUpgradeTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly AsOf EndOf2011 = AsOf.Known(new LocalDate(2011, 12, 31));

    private static readonly DonationFilter ChinaToTheBorderService = new(Donor: "CN", Recipient: "kg-gknb");

    [Fact]
    public async Task Donation_entries_from_before_the_pair_column_are_still_found_by_donor_and_recipient_and_a_rebuild_fills_their_pairs()
    {
        var settings = new LedgerStoreSettings { Schema = "before_pairs" };
        string before;
        await using (var older = Ledger.Connect(database.ConnectionString, settings))
        {
            await older.IngestAsync(Seeds.FactFiles);
            var totals = await older.GetDonorTotalsAsync(EndOf2011, ChinaToTheBorderService);
            totals.Totals.Should().NotBeEmpty("China gave the border service equipment in the seeds");
            before = AnswerJson.Of(totals);
        }

        // What an earlier version wrote: entries whose JSON has no pairs, in a table without their column.
        await ScalarAsync("update before_pairs.mt_doc_donationentry set data = data - 'pairTerms'; alter table before_pairs.mt_doc_donationentry drop column pair_terms");

        await using var newer = Ledger.Connect(database.ConnectionString, settings);
        var upgraded = await newer.GetDonorTotalsAsync(EndOf2011, ChinaToTheBorderService);

        ((long)(await ScalarAsync("select count(*) from before_pairs.mt_doc_donationentry where cardinality(pair_terms) > 0"))!).Should().Be(0, "the store added the column and filled it from JSON that has no pairs");
        AnswerJson.Of(upgraded).Should().Be(before);
        await newer.Store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();

        await newer.RebuildProjectionsAsync();

        ((long)(await ScalarAsync("select count(*) from before_pairs.mt_doc_donationentry where coalesce(cardinality(pair_terms), 0) = 0"))!).Should().Be(0, "the rebuild wrote every entry's pairs");
        AnswerJson.Of(await newer.GetDonorTotalsAsync(EndOf2011, ChinaToTheBorderService)).Should().Be(before);
    }

    [Fact]
    public async Task A_question_naming_donor_and_recipient_reads_their_pair_from_one_index()
    {
        await using var ledger = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "pair_plan" });
        await ledger.IngestAsync(Seeds.FactFiles);
        await using var session = ledger.Store.QuerySession();
        var command = session.Query<DonationEntry>().WithTermPair("pair_terms", "cn", "KG-GKNB").ToCommand();

        command.Parameters.Should().ContainSingle().Which.Value.Should().BeEquivalentTo(new[] { "CN\u001FKG-GKNB" });
        (await session.Query<DonationEntry>().ToListAsync()).Should().NotBeEmpty()
            .And.OnlyContain(entry => entry.PairTerms.Count == entry.DonorTerms.Count * entry.RecipientTerms.Count);

        // The seeds are too few for the planner to prefer an index of its own accord; without sequential scans it shows
        // which indexes the question can use: the pair's, and the partial index of entries without pairs.
        var plan = await QueryPlan.WithoutSequentialScansAsync(
            database.ConnectionString,
            command.CommandText,
            new NpgsqlParameter(command.Parameters[0].ParameterName, command.Parameters[0].Value));

        plan.Should().Contain(line => line.Contains("mt_doc_donationentry_idx_pair_terms", StringComparison.Ordinal))
            .And.Contain(line => line.Contains("mt_doc_donationentry_idx_without_pair_terms", StringComparison.Ordinal))
            .And.NotContain(line => line.Contains("donor_terms", StringComparison.Ordinal));
    }

    private Task<object?> ScalarAsync(string sql) => LedgerInspection.ScalarAsync(database.ConnectionString, sql);
}
