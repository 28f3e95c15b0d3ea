using System.Text.Json;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Cli;

/// <summary>
/// The report a researcher reads, for the seeds as known at the end of 2011: who gave what to whom in words, the claimed
/// statistic with its claimant, the operation results, the agreements as they stood, the newest facts, and the sources
/// with title and author; the same parts in its JSON.
/// </summary>
public sealed class ResearchReportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private CliRun report = null!;

    public async Task InitializeAsync()
    {
        (await RunAsync("ingest", Seeds.Folder)).ExitCode.Should().Be(0);
        report = await RunAsync("report", "--known-on", "2011-12-31");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Its_header_says_the_point_in_plain_words()
    {
        report.ExitCode.Should().Be(0, report.Error);
        report.Output.Split('\n')[0].Should().Be("What the record says, as known at the end of 2011: 48 facts.");
        report.Output.Should().NotContain("certainly rule").And.NotContain("effective now");
    }

    [Fact]
    public void It_says_who_gave_what_to_whom_and_what_was_pledged_with_no_amount()
    {
        report.Output.Should().Contain("China (cn): 21,000,000 KGS pledged, to 1 recipient in 1 donation.")
            .And.Contain("International Organization for Migration (iom): about 300,000,000 KGS given")
            .And.Contain("China pledged forensic equipment to Surkhondaryo region interior directorate");
    }

    [Fact]
    public void It_names_the_claimant_of_each_statistic_and_the_operation_results_claimed()
    {
        report.Output.Should().Contain("narcotics seized (1 claim): latest +39.5% for 2006-01/2006-09, claimed by Bolotbek Nogoybayev")
            .And.Contain("13 militants killed; 20 militants arrested")
            .And.Contain("Kurmanbek Bakiyev in Eurasia Daily Monitor");
    }

    [Fact]
    public void It_gives_the_agreements_as_they_stood_and_the_sources_with_title_and_author()
    {
        report.Output.Should().Contain("2011-09-05: China and Kyrgyzstan on terrorism and extremism")
            .And.Contain("announced only")
            .And.Contain("[cao-2011-gknb-cooperation] Central Asia Online, 2011-10-31..2011-12-31: \"Kyrgyz Special Services Expand International Co-Operation\", by Asker Sultanov.");
    }

    [Fact]
    public async Task Its_json_holds_the_same_parts_with_each_citation_whole()
    {
        var run = await RunAsync("report", "--known-on", "2011-12-31", "--json");

        var root = JsonDocument.Parse(run.Output).RootElement;
        root.GetProperty("agreements").EnumerateArray().Select(agreement => agreement.GetProperty("state").GetString()).Should().Contain(["in_effect", "announced"]);
        root.GetProperty("operationResults").GetArrayLength().Should().Be(3);
        root.GetProperty("noAmount").GetArrayLength().Should().Be(4);
        root.GetProperty("newest")[0].GetProperty("sources")[0].GetProperty("citation").GetProperty("document").GetProperty("author").GetString().Should().Be("Asker Sultanov");
    }

    [Fact]
    public async Task Known_at_the_end_of_2006_it_has_none_of_2011s_agreements()
    {
        var earlier = await RunAsync("report", "--known-on", "2006-12-31");

        var known = Seeds.FactFiles.Select(file => FactFileReader.Read(file)).Where(file => file.Document.PublishedOn.Latest <= new NodaTime.LocalDate(2006, 12, 31)).Sum(file => file.Events.Count);
        earlier.Output.Split('\n')[0].Should().Be($"What the record says, as known at the end of 2006: {known} facts.");
        earlier.Output.Should().NotContain("2011-09-05").And.NotContain("cao-2011-gknb-cooperation");
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString }, args);
}
