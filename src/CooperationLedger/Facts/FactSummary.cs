namespace CooperationLedger.Facts;

/// <summary>One line that says what an event reports, for timelines and exports.</summary>
internal static class FactSummary
{
    public static string Of(ILedgerEvent e) => e switch
    {
        IReportedFact reported => Of(reported),
        FactCorrected corrected => $"corrects {corrected.Revises}: {corrected.Reason}",
        IRevision revision => $"retracts {revision.Revises}: {revision.Reason}",
        _ => e.Key,
    };

    public static string Of(IReportedFact fact) =>
        FactCatalog.KindOf(fact).SummaryOf(fact) + (fact.Expected is { } due ? $" (due {due})" : string.Empty);
}
