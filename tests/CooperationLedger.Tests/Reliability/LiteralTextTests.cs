using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;
using NodaTime;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// Text that holds SQL, JSON or shell metacharacters is data: put into every text field of a document, its actors and
/// its facts, it comes back from the ledger byte for byte, and the ledger's tables are untouched.
/// </summary>
public sealed class LiteralTextTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    [Theory]
    [InlineData("sql", "x'); DROP TABLE mt_events; -- ' OR '1'='1")]
    [InlineData("json", "{\"$where\": \"1\"} \\\" \\u0000 ]}")]
    [InlineData("shell", "$(rm -rf /) `id` && echo ~ | cat > /tmp/x; %PATH% *")]
    public async Task Metacharacters_in_every_text_field_round_trip_literally(string name, string payload)
    {
        var key = $"literal-{name}";
        var text = $"Header\n\nQuote one: {payload} donated.\n\nQuote two: {payload} claimed.\n\nQuote three: {payload} met.\n";
        var document = new SourceDocument(key, $"Publication {payload}", ReportedDate.OnDay(new LocalDate(2010, 1, 1)), SourceDocument.FingerprintOf(text), $"v{payload[..10]}", $"i{payload[..10]}", $"title {payload}", $"author {payload}");
        // One entity a key: each payload's actors have keys of their own.
        var donor = new Actor($"donor-{name}", ActorKind.Organisation, $"Donor {payload}", aliases: [$"alias {payload}"]);
        var recipient = new Actor($"recipient-{name}", ActorKind.Agency, $"Recipient {payload}", "KG");
        var speaker = new Actor($"speaker-{name}", ActorKind.Person, $"Speaker {payload}", "KG", $"role {payload}", $"recipient-{name}");
        var relay = new Relay($"Outlet {payload}", ReportedDate.OnDay(new LocalDate(2010, 1, 1)));
        Citation Cite(string quote) => new(document, quote, Stance.Party, speaker, relay, QuoteVerifier.Locate(text, quote));
        ILedgerEvent[] facts =
        [
            new EquipmentDonated(FactIds.ForFact(key, "donation"), $"{key}/donation", donor, recipient, null, [$"item {payload}"],
                new MoneyAmount(10m, new Currency("USD"), verbatim: $"verbatim {payload}"), ReportedDate.InYear(2009), Stage.Realised, $"matter {payload}", Cite($"Quote one: {payload} donated.")),
            new StatisticClaimed(FactIds.ForFact(key, "claim"), $"{key}/claim", speaker, recipient, $"metric {payload}",
                new StatisticMeasure(StatisticKind.Level, 1m, $"unit {payload}", $"verbatim {payload}"), ReportedDate.InYear(2009), null, ReportedDate.InYear(2009), Stage.Reported, null, Cite($"Quote two: {payload} claimed.")),
            new MeetingHeld(FactIds.ForFact(key, "meeting"), $"{key}/meeting", MeetingKind.Meeting, [donor, speaker], $"place {payload}", [$"subject {payload}"],
                ReportedDate.InYear(2009), Stage.Realised, null, Cite($"Quote three: {payload} met.")),
        ];

        await fixture.Ledger.AppendAsync(new DocumentFacts(document, text, facts));

        foreach (var fact in facts)
        {
            var trail = await fixture.Ledger.AuditAsync(fact.FactId);
            FactFingerprint.ToJson(trail!.Fact).ToJsonString().Should().Be(FactFingerprint.ToJson(fact).ToJsonString());
        }

        var donation = (await fixture.Ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: $"alias {payload}"))).Totals.Should().ContainSingle().Subject;
        donation.Donor.Name.Should().Be($"Donor {payload}");
        donation.Sources.Single().Citation.RelayedFrom!.Outlet.Should().Be($"Outlet {payload}");
        (await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now, new ClaimFilter(Metric: $"metric {payload}"))).Claims.Should().ContainSingle();
        (await fixture.Ledger.VerifyAsync()).QuotesVerified.Should().BeTrue();
    }

    [Fact]
    public async Task No_output_of_a_failing_run_or_of_help_shows_the_connection_password()
    {
        const string password = "pa55-w0rd-never-shown";
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = $"Host=/tmp/no-such-socket-dir;Username=u;Password={password};Timeout=2" };

        var runs = new[]
        {
            await CliRunner.InProcessAsync(environment, "--help"),
            await CliRunner.InProcessAsync(environment, "donors", "--help"),
            await CliRunner.InProcessAsync(environment, "donors"),
            await CliRunner.InProcessAsync(environment, "ingest", Seeds.Facts),
            await CliRunner.InProcessAsync(environment, "audit", "a/b", "--connection", $"Host=/tmp/nowhere;Password={password}"),
        };

        runs.Should().OnlyContain(run => !run.All.Contains(password, StringComparison.Ordinal));
        runs[2].ExitCode.Should().Be(3);
    }
}
