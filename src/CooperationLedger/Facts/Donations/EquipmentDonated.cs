namespace CooperationLedger.Facts;

/// <summary>A donor gave, or pledged to give, equipment to a recipient.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Donor">Who gives.</param>
/// <param name="Recipient">Who receives.</param>
/// <param name="Channel">The body the donor gives through, if the source names one (China's Ministry of Public Security).</param>
/// <param name="Items">What is given, as the source lists it.</param>
/// <param name="Value">What it is worth, as stated; <see langword="null"/> when the source gives no amount.</param>
/// <param name="Effective">When it is or was given.</param>
/// <param name="Stage">Pledged for a promise, realised for a delivery.</param>
/// <param name="Matter">The matter key shared with other reports of the same donation, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record EquipmentDonated(
    Guid FactId,
    string Key,
    Actor Donor,
    Actor Recipient,
    Actor? Channel,
    IReadOnlyList<string> Items,
    MoneyAmount? Value,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>equipment_donated</c>; feeds the donations view.</summary>
    internal static readonly FactKind<EquipmentDonated> Descriptor = new("equipment_donated", Read)
    {
        Summary = e => $"{e.Donor.Name} {FactWording.Verb(e.Stage, "donate", "donated")} {FactWording.Names(e.Items)} to {e.Recipient.Name}{FactWording.Worth(e.Value)}",
        Actors = e => [e.Donor, e.Recipient, e.Channel],
        Signature = e => e.Value?.ToString(),
        Compared = e => e.Value?.Comparison,
        Donation = e => new DonationParts(e.Donor, e.Recipient, e.Channel, string.Join(", ", e.Items), e.Value),
        Sampler = Sample,
        SampleWeight = 2.8,
        Example = """
            date: 2011-05-12
            stage: realised
            donor: cn
            recipient: kg-dca
            items: [computers, radio sets]
            value: { amount: 300000, currency: USD, approximation: about }
            """,
    };

    private static EquipmentDonated? Read(IFactReading r, FactHeader h)
    {
        var donor = r.Actor("donor");
        var recipient = r.Actor("recipient");
        var channel = r.Actor("channel", required: false);
        var items = r.Fields.Texts("items", required: true);
        var value = r.Money(r.Fields, "value");
        return donor is null || recipient is null ? null
            : new EquipmentDonated(h.Id, h.Key, donor, recipient, channel, items, value, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }

    private static FactSample Sample(FactSampler s)
    {
        var (id, key) = (s.Id, s.Key);
        var (donor, recipient, value, stage, when, speaker) = s.Donation();
        var items = s.PickDistinct(s.Items, s.Next(1, 3));
        var verb = stage == Stage.Realised ? "handed over" : "will hand over";
        return new FactSample(
            $"{donor.Name} {verb} {string.Join(" and ", items)} worth {FactSampler.Stated(value)} to the {recipient.Name}, {speaker.Name} said.",
            c => new EquipmentDonated(id, key, donor, recipient, null, items, value, when, stage, null, c),
            Stance.Party,
            speaker);
    }
}
