using CooperationLedger.Facts;
using CooperationLedger.Time;

namespace CooperationLedger.Donations;

/// <summary>
/// Donor totals as of a point: one line per donor, recipient and currency, and apart from them the donations on which
/// sources disagree, which are not summed into any line.
/// </summary>
/// <param name="AsOf">The as-of point the totals answer for.</param>
/// <param name="Totals">The lines.</param>
/// <param name="Disputes">Matters on which sources state different amounts; left out of the lines.</param>
public sealed record DonorTotals(AsOf AsOf, IReadOnlyList<DonorTotal> Totals, IReadOnlyList<Dispute> Disputes);
