using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>
/// Donor totals as of a point: one line per donor, recipient and currency, summing the amounts the sources state; apart
/// from them, the donations whose sources state no amount, and the donations on which sources disagree, neither of which
/// is summed into any line.
/// </summary>
/// <param name="AsOf">The as-of point the totals answer for.</param>
/// <param name="Totals">The lines, each in one currency.</param>
/// <param name="NoAmountStated">The donations and grants whose sources state no amount, one by one; none when the
/// question names a currency.</param>
/// <param name="Disputes">Matters on which sources state different amounts; left out of the lines.</param>
public sealed record DonorTotals(AsOf AsOf, IReadOnlyList<DonorTotal> Totals, IReadOnlyList<DonationWithoutAmount> NoAmountStated, IReadOnlyList<Dispute> Disputes);
