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
            ? $"{fact.Effective} is after the document's publication ({document.PublishedOn}); only a pledged, committed or expected fact can be dated later (better: the announcement as date, and when it is due as expected)."
            : null;

    /// <summary>
    /// A donation goes from one party to another: a party's commitment of its own resources is a
    /// <see cref="CommitmentMade"/>, never aid to itself.
    /// </summary>
    public static string? DonatesToItself(IReportedFact fact) =>
        FactCatalog.KindOf(fact).DonationOf(fact) is { } donation && donation.Donor.Id == donation.Recipient.Id
            ? $"is the donor ({donation.Donor.Id}): a party's commitment of its own resources is a {CommitmentMade.Descriptor.Name}, not a donation."
            : null;
}
