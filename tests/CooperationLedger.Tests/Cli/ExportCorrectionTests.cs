using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Cli;

/// <summary>
/// A donation corrected by a later source, exported as CSV: the correction's row carries the amount it corrects to,
/// so a spreadsheet that takes a corrected donation's amount from its correction adds what <c>donors</c> adds.
/// </summary>
public sealed class ExportCorrectionTests(DatabaseFixture database) : SeededCli(database), IDisposable
{
    private readonly string corpus = Directory.CreateTempSubdirectory("ledger-export-correction-").FullName;

    public void Dispose() => Directory.Delete(corpus, recursive: true);

    [Fact]
    public async Task China_s_pledge_corrected_to_25m_soms_is_25m_in_the_donor_totals_and_in_the_correction_s_row()
    {
        Directory.CreateDirectory(Path.Combine(corpus, "facts"));
        Directory.CreateDirectory(Path.Combine(corpus, "articles"));
        await File.WriteAllTextAsync(Path.Combine(corpus, "articles", "wire-2012-pledge.txt"), "Test Wire, 2012-01-10. The equipment China pledged to the GKNB is worth 25 million soms, not 21 million as first reported.\n");
        await File.WriteAllTextAsync(Path.Combine(corpus, "facts", "wire-2012-pledge.yaml"), """
            document:
              key: wire-2012-pledge
              article: ../articles/wire-2012-pledge.txt
              publication: Test Wire
              published: 2012-01-10
            facts:
              - key: pledge-revised
                type: fact_corrected
                corrects: cao-2011-gknb-cooperation/cn-equipment-for-gknb-2011
                reason: the committee gave the full figure
                changes: { value: { amount: 25000000, currency: KGS } }
                citation:
                  quote: The equipment China pledged to the GKNB is worth 25 million soms, not 21 million as first reported.
                  stance: source
            """);
        var ingest = await RunAsync("ingest", corpus);
        ingest.ExitCode.Should().Be(0, ingest.Error);

        var donors = await JsonAsync("donors", "--donor", "cn", "--currency", "KGS", "--json");
        var csv = await RunAsync("export", "--format", "csv");

        donors.GetProperty("totals")[0].GetProperty("pledged").GetProperty("exact").GetDecimal().Should().Be(25_000_000m, "the correction applies");
        csv.ExitCode.Should().Be(0, csv.Error);
        csv.Output.Split('\n').Select(line => line.TrimEnd('\r')).Should().ContainSingle(line => line.Contains("wire-2012-pledge/pledge-revised,", StringComparison.Ordinal))
            .Which.Should().EndWith(",25000000,KGS,exact,,25000000,25000000", "the correction's row holds the amount it corrects the pledge to");
    }
}
