using System.Globalization;

namespace CooperationLedger.Facts;

/// <summary>
/// The figure a fact asserts, as text that compares equal when two sources agree: an amount, a statistic, a count, a
/// poll's results. Facts about the same matter with different signatures are in dispute; facts with no figure (a
/// meeting, an agreement) have none and never dispute.
/// </summary>
internal static class FactSignature
{
    public static string? Of(IReportedFact fact) => fact switch
    {
        EquipmentDonated e => e.Value?.ToString(),
        GrantProvided e => e.Value?.ToString(),
        StatisticClaimed e => e.Measure.ToString(),
        OperationResultsClaimed e => string.Join("; ", e.Counts.Select(c => $"{c.Outcome} {c.Count} {c.Subject}")),
        PollPublished e => string.Join("; ", e.Results.Select(r => $"{r.Option} {r.Percent.ToString("0.##", CultureInfo.InvariantCulture)}%")),
        _ => null,
    };
}
