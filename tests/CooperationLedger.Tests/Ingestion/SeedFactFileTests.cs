using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Ingestion;

public sealed class SeedFactFileTests
{
    [Fact]
    public void Every_seed_fact_file_reads_without_errors()
    {
        var problems = new List<string>();
        foreach (var file in Seeds.FactFiles)
        {
            try
            {
                FactFileReader.Read(file);
            }
            catch (FactFileException exception)
            {
                problems.AddRange(exception.Errors.Select(error => error.ToString()));
            }
        }

        problems.Should().BeEmpty();
        Seeds.FactFiles.Should().NotBeEmpty();
    }
}
