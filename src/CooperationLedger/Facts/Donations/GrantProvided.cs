namespace CooperationLedger.Facts;

/// <summary>A donor gave, or pledged, a grant of money or aid to a recipient.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Donor">Who gives.</param>
/// <param name="Recipient">Who receives.</param>
/// <param name="Purpose">What the grant is for, as the source says.</param>
/// <param name="Value">What it is worth, as stated; <see langword="null"/> when the source gives no amount.</param>
/// <param name="Effective">When it was given: a day, or a period for cumulative aid ("since its office opened").</param>
/// <param name="Stage">Pledged for a promise, realised for a grant given.</param>
/// <param name="Matter">The matter key shared with other reports of the same grant, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record GrantProvided(
    Guid FactId,
    string Key,
    Actor Donor,
    Actor Recipient,
    string Purpose,
    MoneyAmount? Value,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>grant_provided</c>; feeds the donations view.</summary>
    internal static readonly FactKind<GrantProvided> Descriptor = new("grant_provided", Read)
    {
        Summary = e => $"{e.Donor.Name} {FactWording.Verb(e.Stage, "grant", "granted")} {e.Recipient.Name} {e.Purpose}{FactWording.Worth(e.Value)}",
        Actors = e => [e.Donor, e.Recipient],
        Signature = e => e.Value?.ToString(),
        Compared = e => e.Value?.Comparison,
        Donation = e => new DonationParts(e.Donor, e.Recipient, null, e.Purpose, e.Value),
        Sampler = Sample,
        SampleWeight = 1.2,
        Example = """
            date: 2011-06
            stage: pledged
            donor: unodc
            recipient: kg-dca
            purpose: training of dog handlers
            value: { amount: 50000, currency: EUR }
            """,
    };

    private static GrantProvided? Read(IFactReading r, FactHeader h)
    {
        var donor = r.Actor("donor");
        var recipient = r.Actor("recipient");
        var purpose = r.Fields.Text("purpose", required: true, 500);
        var value = r.Money(r.Fields, "value");
        return donor is null || recipient is null || purpose is null ? null
            : new GrantProvided(h.Id, h.Key, donor, recipient, purpose, value, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }

    private static FactSample Sample(FactSampler s)
    {
        var (id, key) = (s.Id, s.Key);
        var (donor, recipient, value, stage, when, speaker) = s.Donation();
        var verb = stage == Stage.Realised ? "granted" : "will grant";
        return new FactSample(
            $"{donor.Name} {verb} the {recipient.Name} {FactSampler.Stated(value)} for equipment and training, {speaker.Name} said.",
            c => new GrantProvided(id, key, donor, recipient, "equipment and training", value, when, stage, null, c),
            Stance.Party,
            speaker);
    }
}
