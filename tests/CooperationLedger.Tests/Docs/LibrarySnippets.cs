using System.Text.Json;
using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CooperationLedger.Tests.Docs;

/// <summary>
/// The C# of docs/library.md and the package's readme, each snippet the region of the same name here (<see cref="DocSnippetTests"/> keeps the two
/// equal), run against the seeds and the wire that corrects the drug agency's figure, with what it says checked.
/// </summary>
public sealed class LibrarySnippets(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    private static readonly Instant SeedsRecorded = Instant.FromUtc(2026, 1, 10, 9, 0);
    private static readonly Instant CorrectionRecorded = Instant.FromUtc(2026, 2, 1, 9, 0);

    public async Task InitializeAsync()
    {
        if ((await fixture.Ledger.GetTimelineAsync(AsOf.Now)).Count > 0)
        {
            return;
        }

        fixture.Clock.Reset(SeedsRecorded);
        await fixture.Ledger.IngestAsync([Seeds.Facts]);
        fixture.Clock.Reset(CorrectionRecorded);
        await fixture.Ledger.IngestAsync([Fixtures.FactFile("wire-2007-dca-revision")]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Three_axes()
    {
        var ledger = fixture.Ledger;
        var correctionRecorded = CorrectionRecorded;
        #region snippet: three-axes
        var seized = new ClaimFilter(Metric: "narcotics seized");

        // Known axis: what had been published by a day. The wire correcting the figure came out on 15 January 2007.
        var before = await ledger.GetClaimedStatisticsAsync(AsOf.Known(new LocalDate(2007, 1, 14)), seized);
        var after = await ledger.GetClaimedStatisticsAsync(AsOf.Known(new LocalDate(2007, 1, 15)), seized);

        // Recorded axis: what the ledger held at an instant, whatever was published; an auditor's replay.
        var replay = await ledger.GetClaimedStatisticsAsync(new AsOf { RecordedAt = correctionRecorded - Duration.FromSeconds(1) }, seized);

        // Effective axis: what applied on a day (here with everything known now).
        var in2006 = await ledger.GetClaimedStatisticsAsync(new AsOf { Effective = new LocalDate(2006, 12, 31) }, seized);
        #endregion

        before.Claims.Single().Measure.Value.Should().Be(39.5m);
        after.Claims.Single().Measure.Value.Should().Be(35.9m);
        after.Claims.Single().Standing.Should().Be(Standing.Corrected);
        replay.Claims.Single().Measure.Value.Should().Be(39.5m, "the correction was entered after the replayed instant");
        in2006.Claims.Single().Measure.Value.Should().Be(35.9m, "the claim was made in November 2006, and is corrected as known now");
    }

    [Fact]
    public async Task Audit()
    {
        var ledger = fixture.Ledger;
        #region snippet: audit
        var totals = await ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "China", Recipient: "GKNB", Currency: "KGS"));
        var trails = await ledger.ExplainAsync(totals.Totals.Single());
        var sources = trails.Select(trail =>
            $"{trail.Summary}: \"{trail.Fact.Citation.Quote}\" ({trail.Fact.Citation.AttributedTo?.Name}, "
            + $"{trail.Fact.Citation.Document.Publication}, from {trail.Recorded.SourceFile})");
        #endregion

        sources.Should().ContainSingle().Which.Should()
            .StartWith("China will donate computers and motor vehicles to Kyrgyz State Committee for National Security worth ")
            .And.Contain("worth 21m KGS (US $450,000) to the GKNB")
            .And.EndWith("(Keneshbek Dushebayev, Central Asia Online, from cao-2011-gknb-cooperation.yaml)");
    }

    [Fact]
    public async Task Tenants()
    {
        var connectionString = fixture.ConnectionString;
        var seeds = Seeds.Facts;
        #region snippet: tenants
        await using var ledger = Ledger.Connect(new LedgerOptions { ConnectionString = connectionString, Schema = "newsrooms", MultiTenant = true });
        var kabar = ledger.ForTenant("kabar");
        var akipress = ledger.ForTenant("akipress");
        await kabar.IngestAsync([seeds]);

        var kabarTimeline = await kabar.GetTimelineAsync(AsOf.Now, actor: "KG");
        var akipressTimeline = await akipress.GetTimelineAsync(AsOf.Now, actor: "KG");
        #endregion

        kabarTimeline.Should().NotBeEmpty();
        akipressTimeline.Should().BeEmpty("one tenant's facts are never another's");
    }

    [Fact]
    public async Task Package_registration()
    {
        var connectionString = fixture.ConnectionString;
        var factFiles = Seeds.Facts;
        #region snippet: package-registration
        var services = new ServiceCollection();
        services.AddCooperationLedger(options => options.ConnectionString = connectionString);
        await using var provider = services.BuildServiceProvider();

        var ledger = provider.GetRequiredService<Ledger>();
        await ledger.IngestAsync([factFiles]);
        var totals = await ledger.GetDonorTotalsAsync(AsOf.Known(new LocalDate(2011, 12, 31)));
        var json = JsonSerializer.Serialize(totals, LedgerJson.Options); // ISO dates, enums as words, facts by type name
        #endregion

        totals.Totals.Should().Contain(total => total.Donor.Name == "China" && total.Currency.Code == "KGS");
        json.Should().Contain("\"knownOn\":\"2011-12-31\"");
    }
}
