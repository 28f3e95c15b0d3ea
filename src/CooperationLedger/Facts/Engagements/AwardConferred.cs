using System.Globalization;

namespace CooperationLedger.Facts;

/// <summary>One party conferred an award on another's people.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Conferrer">Who gives the award.</param>
/// <param name="Recipient">Whose people receive it.</param>
/// <param name="Award">What the award is ("medals").</param>
/// <param name="Recipients">How many people received it, if the source says.</param>
/// <param name="Reason">What it was for, as the source says.</param>
/// <param name="Effective">When.</param>
/// <param name="Stage">Realised.</param>
/// <param name="Matter">The matter key shared with other reports of the same award, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record AwardConferred(
    Guid FactId,
    string Key,
    Actor Conferrer,
    Actor Recipient,
    string Award,
    int? Recipients,
    string? Reason,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>award_conferred</c>.</summary>
    internal static readonly FactKind<AwardConferred> Descriptor = new("award_conferred", Read)
    {
        DefaultStage = Stage.Realised,
        Summary = e => $"{e.Conferrer.Name} awarded {e.Award} to {(e.Recipients is { } n ? n.ToString(CultureInfo.InvariantCulture) + " of " : string.Empty)}{e.Recipient.Name}",
        Actors = e => [e.Conferrer, e.Recipient],
        Example = """
            date: 2011-11-10
            conferrer: kg
            recipient: kg-dca
            award: the Order of Manas
            recipients: 12
            reason: for seizures of heroin
            """,
    };

    private static AwardConferred? Read(IFactReading r, FactHeader h)
    {
        var conferrer = r.Actor("conferrer");
        var recipient = r.Actor("recipient");
        var award = r.Fields.Text("award", required: true, 300);
        var recipients = r.Fields.Integer("recipients", min: 1, max: 1_000_000);
        var reason = r.Fields.Text("reason", maxLength: 500);
        return conferrer is null || recipient is null || award is null ? null
            : new AwardConferred(h.Id, h.Key, conferrer, recipient, award, recipients, reason, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }
}
