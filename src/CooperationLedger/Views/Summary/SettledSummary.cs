using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Views;

/// <summary>
/// What SQL adds up of the settled facts at a point (those the as-of rule tells as reported, with no revision, link or
/// dispute to weigh), for <see cref="SummaryAnswer"/> to join with what the rules in memory make of the open facts.
/// </summary>
/// <param name="Facts">How many facts are in the answer as they were reported: settled, or open but not revised.</param>
/// <param name="NoAmountStated">How many settled facts are donations of no stated amount.</param>
/// <param name="Years">The count of the facts as reported by kind and effective year.</param>
/// <param name="Totals">The sums of their donations by currency, donor, recipient and stage.</param>
/// <param name="Metrics">Their claims by metric: how many, how many disputed, and the latest.</param>
/// <param name="Disputes">The disputes among them with the most versions, as many as the summary keeps: among claims
/// or among donations, the matter, and how many versions.</param>
/// <param name="DisputeCount">How many matters are disputed among them.</param>
/// <param name="Newest">The newest of the facts as reported, as many as the summary keeps.</param>
/// <param name="Open">The facts known and recorded by the point that the rules in memory decide.</param>
/// <param name="NewestAgreements">The newest agreements as reported, as many as the summary keeps.</param>
/// <param name="NewestOperations">The newest claims of operation results as reported, as many as the summary keeps.</param>
/// <param name="NewestUnstated">The newest donations of no stated amount among the settled facts, as many as the summary keeps.</param>
internal sealed record SettledSummary(
    int Facts,
    int NoAmountStated,
    IReadOnlyList<(string Type, int? Year, int Facts)> Years,
    IReadOnlyList<StageTotal> Totals,
    IReadOnlyList<(string Metric, int Claims, int Disputed, RankedFact Latest)> Metrics,
    IReadOnlyList<(bool AmongClaims, string Matter, int Versions)> Disputes,
    int DisputeCount,
    IReadOnlyList<RankedFact> Newest,
    IReadOnlyList<OpenFact> Open,
    IReadOnlyList<RankedFact> NewestAgreements,
    IReadOnlyList<RankedFact> NewestOperations,
    IReadOnlyList<RankedFact> NewestUnstated)
{
    /// <summary>Gets what an empty ledger adds up to.</summary>
    public static SettledSummary Empty { get; } = new(0, 0, [], [], [], [], 0, [], [], [], [], []);
}

/// <summary>The donations of one donor to one recipient in one currency at one stage, summed.</summary>
internal sealed record StageTotal(string Currency, string DonorId, string DonorName, string RecipientId, Stage Stage, AmountTotal Total, int Donations);

/// <summary>A fact with what it is ranked by in a list (the newest facts, the latest claim of a metric); the key breaks ties.</summary>
internal sealed record RankedFact(Guid Id, string Key, long Rank, long Then);

/// <summary>A fact the rules in memory decide at the point, the answers it can be part of, and whether it is revised by then.</summary>
internal sealed record OpenFact(Guid Id, bool IsDonation, bool IsClaim, bool IsRevised);
