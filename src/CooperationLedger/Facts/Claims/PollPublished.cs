using System.Globalization;

namespace CooperationLedger.Facts;

/// <summary>A pollster published an opinion poll: its sample, question and results.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="Pollster">Who conducted the poll.</param>
/// <param name="Respondents">How many people answered.</param>
/// <param name="Population">Whom the sample stands for ("people in Kyrgyzstan").</param>
/// <param name="Question">What was asked, as the source gives it.</param>
/// <param name="Results">The answers' shares.</param>
/// <param name="Fieldwork">When the poll was conducted.</param>
/// <param name="Effective">When the results were published.</param>
/// <param name="Stage">Reported.</param>
/// <param name="Matter">The matter key shared with other reports of the same poll, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record PollPublished(
    Guid FactId,
    string Key,
    Actor Pollster,
    int Respondents,
    string Population,
    string Question,
    IReadOnlyList<PollResult> Results,
    ReportedDate Fieldwork,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>poll_published</c>.</summary>
    internal static readonly FactKind<PollPublished> Descriptor = new("poll_published", Read)
    {
        DefaultStage = Stage.Reported,
        Summary = e => $"{e.Pollster.Name} poll of {e.Respondents.ToString("N0", CultureInfo.InvariantCulture)}: {ResultsOf(e, ", ")}",
        Actors = e => [e.Pollster],
        Signature = e => ResultsOf(e, "; "),
        Example = """
            date: 2011-04-15
            pollster: unodc
            respondents: 1500
            population: adults in Kyrgyzstan
            question: Is drug trafficking a serious problem in your region?
            fieldwork: 2011-03
            results:
              - { option: yes, percent: 61.5 }
              - { option: no, percent: 38.5 }
            """,
    };

    private static string ResultsOf(PollPublished poll, string separator) =>
        string.Join(separator, poll.Results.Select(r => $"{r.Option} {r.Percent.ToString("0.##", CultureInfo.InvariantCulture)}%"));

    private static PollPublished? Read(IFactReading r, FactHeader h)
    {
        var pollster = r.Actor("pollster");
        var respondents = r.Fields.Integer("respondents", required: true, min: 1, max: 100_000_000);
        var population = r.Fields.Text("population", required: true, 300);
        var question = r.Fields.Text("question", required: true, 500);
        var fieldwork = r.Date(r.Fields, "fieldwork", required: true, anchor: r.PublicationDay);
        var results = new List<PollResult>();
        foreach (var result in r.Fields.Maps("results", required: true))
        {
            var option = result.Text("option", required: true, 300);
            var percent = result.Decimal("percent", required: true);
            result.RejectUnknown();
            if (percent is < 0 or > 100)
            {
                result.Error("percent", $"{percent} is not a share from 0 to 100.");
            }
            else if (option is not null && percent is not null)
            {
                results.Add(new PollResult(option, percent.Value));
            }
        }

        return pollster is null || respondents is null || population is null || question is null || fieldwork is null || results.Count == 0 ? null
            : new PollPublished(h.Id, h.Key, pollster, respondents.Value, population, question, results, fieldwork, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }
}
