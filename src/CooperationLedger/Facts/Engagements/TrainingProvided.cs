namespace CooperationLedger.Facts;

/// <summary>A provider trained, or offered to train, a recipient's personnel.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Provider">Who trains.</param>
/// <param name="Recipient">Whose personnel are trained.</param>
/// <param name="Subject">What the training is in ("mountain warfare").</param>
/// <param name="Effective">When.</param>
/// <param name="Stage">Pledged for an offer, realised for training given.</param>
/// <param name="Matter">The matter key shared with other reports of the same training, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record TrainingProvided(
    Guid FactId,
    string Key,
    Actor Provider,
    Actor Recipient,
    string Subject,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>training_provided</c>.</summary>
    internal static readonly FactKind<TrainingProvided> Descriptor = new("training_provided", Read)
    {
        Summary = e => $"{e.Provider.Name} {FactWording.Verb(e.Stage, "train", "trained")} {e.Recipient.Name}: {e.Subject}",
        Actors = e => [e.Provider, e.Recipient],
        Example = """
            date: 2011-04
            stage: realised
            provider: unodc
            recipient: kg-dca
            subject: detecting concealed narcotics
            """,
    };

    private static TrainingProvided? Read(IFactReading r, FactHeader h)
    {
        var provider = r.Actor("provider");
        var recipient = r.Actor("recipient");
        var subject = r.Fields.Text("subject", required: true, 500);
        return provider is null || recipient is null || subject is null ? null
            : new TrainingProvided(h.Id, h.Key, provider, recipient, subject, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }
}
