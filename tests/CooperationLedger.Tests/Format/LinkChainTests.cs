using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given the two 2010 briefs and a copy of the June one whose facts are chained (the border posts part of the trucks,
/// the trucks part of the US$3 million, and the same fact as the first brief's trucks): a chain of umbrellas leaves
/// only its detail counted, and reports of one fact count once whichever way they name each other.
/// </summary>
public sealed class LinkChainTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task Reports_of_one_fact_in_a_chain_count_once_and_a_chain_of_umbrellas_leaves_only_the_detail()
    {
        var ledger = fixture.Ledger;
        await ledger.IngestAsync([Fixtures.FactFile("brief-2010-truck-pledge"), Fixtures.FactFile("brief-2010-minister-visit")]);
        var yaml = File.ReadAllText(Fixtures.FactFile("brief-2010-minister-visit"))
            .Replace("key: brief-2010-minister-visit", "key: brief-2010-minister-visit-chain", StringComparison.Ordinal)
            .Replace("links: { under: military-aid-framework, part_of: visit-agreements }", "links: { under: military-aid-framework, part_of: trucks-delivered }", StringComparison.Ordinal)
            .Replace("links: { realises: brief-2010-truck-pledge/trucks-pledge, part_of: visit-agreements }", "links: { part_of: visit-agreements, same_as: brief-2010-minister-visit/trucks-delivered }", StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("ledger-chain-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "facts"));
            Directory.CreateDirectory(Path.Combine(folder, "articles"));
            File.Copy(Fixtures.Article("brief-2010-minister-visit.txt"), Path.Combine(folder, "articles", "brief-2010-minister-visit.txt"));
            File.WriteAllText(Path.Combine(folder, "facts", "chain.yaml"), yaml);
            await ledger.IngestAsync([Path.Combine(folder, "facts")]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var totals = await ledger.GetDonorTotalsAsync(AsOf.Now, new DonationFilter(Donor: "cn"));

        // In the copy, the border posts are part of the trucks, which are part of the visit's US$3 million: both of its
        // umbrellas are left out. Its trucks report the same fact as the first brief's, which names no other report and
        // is the one counted.
        var line = totals.Totals.Should().ContainSingle().Subject;
        line.Committed.Exact.Should().Be(2_000_000m, "each document's border-posts grant is a detail, counted; neither US$3 million is");
        line.Realised.Exact.Should().Be(2_000_000m, "the trucks are counted once, from the brief that names no other report");
        line.Sources.Select(s => s.Key).Should().BeEquivalentTo(
            ["brief-2010-minister-visit/border-posts-grant", "brief-2010-minister-visit-chain/border-posts-grant", "brief-2010-minister-visit/trucks-delivered", "brief-2010-truck-pledge/trucks-pledge"]);
    }
}
