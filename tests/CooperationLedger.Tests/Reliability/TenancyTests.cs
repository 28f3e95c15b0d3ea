using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Storage;
using CooperationLedger.Synthetic;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// Two newsrooms share one multi-tenanted schema: each ingests its own documents (and one the same), and no query, audit,
/// verification or export of one shows the other's facts.
/// </summary>
public sealed class TenancyTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private Ledger root = null!;
    private Ledger alpha = null!;
    private Ledger beta = null!;

    public async Task InitializeAsync()
    {
        root = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "tenancy", MultiTenant = true });
        alpha = root.ForTenant("newsroom-alpha");
        beta = root.ForTenant("newsroom-beta");
        await alpha.IngestAsync([Seeds.FactFile("cao-2011-gknb-cooperation"), Seeds.FactFile("edm-2006-v3-i223")]);
        await beta.IngestAsync([Seeds.FactFile("edm-2007-v4-i101"), Seeds.FactFile("edm-2006-v3-i223")]);
        await beta.IngestAsync([Fixtures.FactFile("wire-2007-dca-revision")]);
    }

    public async Task DisposeAsync() => await root.DisposeAsync();

    [Fact]
    public async Task Donor_totals_claims_and_agreements_stay_within_their_tenant()
    {
        (await alpha.GetDonorTotalsAsync(AsOf.Now)).Totals.Should().Contain(total => total.Donor.Id == "cn");
        (await beta.GetDonorTotalsAsync(AsOf.Now)).Totals.Should().NotContain(total => total.Donor.Id == "cn");
        (await alpha.GetAgreementsAsync(AsOf.Now)).Should().NotBeEmpty();
        (await beta.GetAgreementsAsync(AsOf.Now)).Should().BeEmpty();
        (await alpha.GetClaimedStatisticsAsync(AsOf.Now)).Claims.Single().Measure.Value.Should().Be(39.5m, "beta's correction is beta's alone");
        (await beta.GetClaimedStatisticsAsync(AsOf.Now)).Claims.Single().Measure.Value.Should().Be(35.9m);
    }

    [Fact]
    public async Task Timelines_audits_verification_and_exports_stay_within_their_tenant()
    {
        (await alpha.GetTimelineAsync(AsOf.Now, "PK")).Should().BeEmpty();
        (await beta.GetTimelineAsync(AsOf.Now, "PK")).Should().NotBeEmpty();
        AnswerJson.Of(await beta.GetTimelineAsync(AsOf.Now, "Pakistan")).Should().Be(AnswerJson.Of(await beta.GetTimelineAsync(AsOf.Now, "PK")), "beta registered Pakistan");
        await using (var alphaSession = root.Store.QuerySession("newsroom-alpha"))
        {
            (await ActorRegistry.LoadAsync(alphaSession, ["Pakistan", "KG"], default)).Registrations.Select(registration => registration.Id)
                .Should().Equal(["kg"], "alpha's register holds its own actors alone");
        }

        (await beta.AuditAsync("cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011")).Should().BeNull();
        (await alpha.AuditAsync("cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011")).Should().NotBeNull();
        (await alpha.AuditAsync("edm-2006-v3-i223/dca-narcotics-seized-2006"))!.Revisions.Should().BeEmpty();
        (await beta.AuditAsync("edm-2006-v3-i223/dca-narcotics-seized-2006"))!.Revisions.Should().ContainSingle();

        var alphaKeys = await KeysAsync(alpha);
        var betaKeys = await KeysAsync(beta);
        alphaKeys.Should().Contain(key => key.StartsWith("cao-2011", StringComparison.Ordinal)).And.NotContain(key => key.StartsWith("edm-2007", StringComparison.Ordinal));
        betaKeys.Should().Contain(key => key.StartsWith("edm-2007", StringComparison.Ordinal)).And.NotContain(key => key.StartsWith("cao-2011", StringComparison.Ordinal));
        (await alpha.VerifyAsync()).FactsChecked.Should().Be(alphaKeys.Count);
        (await beta.VerifyAsync()).FactsChecked.Should().Be(betaKeys.Count);
    }

    [Fact]
    public async Task Two_tenants_holding_different_versions_of_one_document_each_cite_their_own()
    {
        // Epsilon's copy of the article alpha holds says the drug agency's figure was relayed by another outlet: the same
        // document key, so the same fact ids and stream positiones, with a different citation.
        var folder = Directory.CreateTempSubdirectory("tenancy-");
        try
        {
            var original = await File.ReadAllTextAsync(Seeds.FactFile("edm-2006-v3-i223"));
            var variant = original
                .Replace("article: ../articles/", $"article: {Path.Combine(Seeds.Folder, "articles")}/", StringComparison.Ordinal)
                .Replace("relayedFrom: { outlet: Kabar, date: 2006-11-22 }", "relayedFrom: { outlet: AKIpress, date: 2006-11-22 }", StringComparison.Ordinal);
            variant.Should().Contain("AKIpress");
            var file = Path.Combine(folder.FullName, "edm-2006-v3-i223.yaml");
            await File.WriteAllTextAsync(file, variant);
            var epsilon = root.ForTenant("newsroom-epsilon");
            await epsilon.IngestAsync([file], corpusRoot: Seeds.Folder);

            async Task<string?> OutletAsync(Ledger ledger) =>
                (await ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Metric: "narcotics seized"))).Claims.Single().Sources.Single().Citation.RelayedFrom?.Outlet;
            (await OutletAsync(alpha)).Should().Be("Kabar");
            (await OutletAsync(epsilon)).Should().Be("AKIpress");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_command_line_keeps_tenants_apart_and_checks_tenant_ids()
    {
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString };

        var alphaDonors = await CliRunner.InProcessAsync(environment, "donors", "--json", "--schema", "tenancy", "--tenant", "newsroom-alpha");
        var betaDonors = await CliRunner.InProcessAsync(environment, "donors", "--json", "--schema", "tenancy", "--tenant", "newsroom-beta");
        var badTenant = await CliRunner.InProcessAsync(environment, "donors", "--schema", "tenancy", "--tenant", "Robert'); DROP TABLE--");

        alphaDonors.Output.Should().Contain("\"kg-gknb\"");
        betaDonors.ExitCode.Should().Be(0, betaDonors.Error);
        betaDonors.Output.Should().NotContain("\"kg-gknb\"");
        badTenant.ExitCode.Should().Be(2);
        badTenant.Error.Should().Contain("not a valid tenant id");
    }

    [Fact]
    public async Task A_rebuild_of_one_tenant_rebuilds_its_projections_from_its_own_events_and_leaves_the_other_alone()
    {
        async Task<string> AnswersAsync(Ledger ledger) =>
            System.Text.Json.JsonSerializer.Serialize(await ledger.GetDonorTotalsAsync(AsOf.Now))
            + System.Text.Json.JsonSerializer.Serialize(await ledger.GetClaimedStatisticsAsync(AsOf.Now))
            + System.Text.Json.JsonSerializer.Serialize(await ledger.GetTimelineAsync(AsOf.Now, "KG"));
        var (alphaBefore, betaBefore) = (await AnswersAsync(alpha), await AnswersAsync(beta));

        await beta.RebuildProjectionsAsync();

        (await AnswersAsync(beta)).Should().Be(betaBefore);
        (await AnswersAsync(alpha)).Should().Be(alphaBefore);
        (await beta.GetClaimedStatisticsAsync(AsOf.Now)).Claims.Single().Measure.Value.Should().Be(35.9m, "beta's correction was folded again");
    }

    [Fact]
    public async Task A_rebuild_of_the_multi_tenanted_store_itself_is_refused_and_every_tenant_keeps_its_answers()
    {
        var alphaBefore = AnswerJson.Of(await alpha.GetDonorTotalsAsync(AsOf.Now));

        var act = () => root.RebuildProjectionsAsync();

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("ForTenant");
        AnswerJson.Of(await alpha.GetDonorTotalsAsync(AsOf.Now)).Should().Be(alphaBefore).And.Contain("\"cn\"");
    }

    [Fact]
    public async Task The_bulk_path_writes_each_tenants_copy_of_the_same_history_in_its_own_ledger()
    {
        var options = new SyntheticHistoryOptions(Facts: 300, Seed: 5);
        var gamma = root.ForTenant("newsroom-gamma");
        var delta = root.ForTenant("newsroom-delta");

        (await gamma.AppendManyAsync(SyntheticHistory.GenerateAsync(options), batchFacts: 100)).FactsAppended.Should().Be(300);
        (await delta.AppendManyAsync(SyntheticHistory.GenerateAsync(options), batchFacts: 100)).FactsAppended.Should().Be(300, "the same documents, streams and facts, in another tenant's ledger");
        (await gamma.AppendManyAsync(SyntheticHistory.GenerateAsync(options))).FactsAppended.Should().Be(0);

        var gammaTotals = await gamma.GetDonorTotalsAsync(AsOf.Now);
        gammaTotals.Totals.Should().NotBeEmpty();
        System.Text.Json.JsonSerializer.Serialize(await delta.GetDonorTotalsAsync(AsOf.Now)).Should().Be(System.Text.Json.JsonSerializer.Serialize(gammaTotals));
        (await KeysAsync(gamma)).Should().HaveCount(300);
        (await KeysAsync(alpha)).Should().NotContain(key => key.StartsWith("syn-", StringComparison.Ordinal));
        (await alpha.GetDonorTotalsAsync(AsOf.Now)).Totals.Should().NotContain(total => total.Sources.Any(source => source.Key.StartsWith("syn-", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_store_without_tenancy_has_no_tenants()
    {
        var act = () => Ledger.Connect(database.ConnectionString).ForTenant("newsroom-alpha");
        act.Should().Throw<InvalidOperationException>().WithMessage("*not multi-tenanted*");
    }

    private static async Task<IReadOnlyList<string>> KeysAsync(Ledger ledger)
    {
        var keys = new List<string>();
        await foreach (var fact in ledger.ReadFactsAsync())
        {
            keys.Add(fact.Fact.Key);
        }

        return keys;
    }
}
