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
    Citation Citation) : IReportedFact;
