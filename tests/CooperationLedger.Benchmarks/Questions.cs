using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Benchmarks;

/// <summary>
/// The questions the latencies are measured on, each one a researcher would ask about a few actors or one matter, not
/// about the whole ledger: the totals one donor gave one recipient, what sources claimed about one matter, the
/// agreements between two countries. They are drawn from the first facts of the history, so that every size has them;
/// their answers grow as later facts about the same actors and matters arrive (see <see cref="AnswerSizes"/>).
/// </summary>
internal sealed record Questions(IReadOnlyList<DonationFilter> Donations, IReadOnlyList<string> Matters, IReadOnlyList<(string Party, string Other)> Parties)
{
    public static Questions From(IEnumerable<DocumentFacts> history, int facts)
    {
        var seen = history.SelectMany(document => document.Facts).Take(facts).ToArray();
        return new Questions(
            seen.OfType<EquipmentDonated>().Select(d => new DonationFilter(d.Donor.Country ?? d.Donor.Id, d.Recipient.Id)).Distinct().ToArray(),
            seen.OfType<StatisticClaimed>().Select(claim => claim.Matter).OfType<string>().Distinct(StringComparer.Ordinal).ToArray(),
            seen.OfType<AgreementSigned>().Select(a => (a.Parties[0].Country!, a.Parties[1].Country!)).Distinct().ToArray());
    }
}
