using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>Claimed statistics as of a point, side by side, with the matters on which claims disagree.</summary>
/// <param name="AsOf">The as-of point.</param>
/// <param name="Claims">Every claim known, effective and not retracted as of the point; disputed ones included and marked.</param>
/// <param name="Disputes">Matters on which claims state different figures.</param>
public sealed record ClaimedStatistics(AsOf AsOf, IReadOnlyList<ClaimedStatistic> Claims, IReadOnlyList<Dispute> Disputes);
