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
    /// <see cref="CommitmentMade"/>, never aid to itself, and so is a state's spending on its own bodies (a country and
    /// its own agencies or people).
    /// </summary>
    public static string? DonatesToItself(IReportedFact fact) =>
        FactCatalog.KindOf(fact).DonationOf(fact) is not { } donation ? null
        : donation.Donor.Id == donation.Recipient.Id
            ? $"is the donor ({donation.Donor.Id}): a party's commitment of its own resources is a {CommitmentMade.Descriptor.Name}, not a donation."
        : (donation.Donor.Kind == ActorKind.Country || donation.Recipient.Kind == ActorKind.Country) && donation.Donor.Country is { } country && donation.Recipient.Country == country
            ? $"({donation.Recipient.Id}) and the donor ({donation.Donor.Id}) are one state, {country}: a state's spending on its own bodies is a {CommitmentMade.Descriptor.Name}, not a donation."
        : null;

    /// <summary>
    /// Gets why a fact cannot end <paramref name="ended"/>, a fact of its own document: only an agreement or a structure
    /// is in place until it is ended, and nothing is ended before it began.
    /// </summary>
    public static string? CannotEnd(ILedgerEvent closing, IReportedFact ended) =>
        ended is not (AgreementSigned or StructureEstablished)
            ? $"'{FactIds.Split(ended.Key).Fact}' is a {FactCatalog.NameOf(ended)} fact: only an agreement_signed or a structure_established fact is in place until it is ended."
            : closing is IReportedFact closure && closure.Effective.Latest < ended.Effective.Earliest
                ? $"is dated {closure.Effective}, before '{FactIds.Split(ended.Key).Fact}' ({ended.Effective}) that it ends: nothing is ended before it began."
                : null;
}
