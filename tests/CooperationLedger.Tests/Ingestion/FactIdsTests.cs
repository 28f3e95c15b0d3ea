using CooperationLedger.Facts;

namespace CooperationLedger.Tests.Ingestion;

public sealed class FactIdsTests
{
    [Fact]
    public void Ids_are_deterministic_name_based_uuids_that_differ_by_document_and_key()
    {
        var id = FactIds.ForFact("edm-2006-v3-i223", "dca-narcotics-seized-2006");

        FactIds.ForFact("edm-2006-v3-i223", "dca-narcotics-seized-2006").Should().Be(id);
        FactIds.ForFact("edm-2006-v3-i148", "dca-narcotics-seized-2006").Should().NotBe(id);
        FactIds.ForDocument("edm-2006-v3-i223").Should().NotBe(id);
        id.ToString()[14].Should().Be('5', "it is a version 5 UUID");
    }
}
