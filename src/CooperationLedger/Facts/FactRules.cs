namespace CooperationLedger.Facts;

/// <summary>Rules a fact must keep whatever it was read from: a fact file or code.</summary>
internal static class FactRules
{
    /// <summary>
    /// A fact reported as having happened cannot be dated after the document that reports it; only a pledge or a
    /// commitment looks ahead.
    /// </summary>
    public static string? DatedAfterPublication(IReportedFact fact, SourceDocument document) =>
        fact.Stage is Stage.Reported or Stage.Realised && fact.Effective.Earliest > document.PublishedOn.Latest
            ? $"{fact.Effective} is after the document's publication ({document.PublishedOn}); only a pledged or committed fact can be dated later."
            : null;
}
