using System.Globalization;

namespace CooperationLedger.Facts;

/// <summary>One line that says what a fact reports, for timelines and exports.</summary>
internal static class FactSummary
{
    public static string Of(ILedgerEvent e) => e switch
    {
        IReportedFact reported => Of(reported),
        FactCorrected corrected => $"corrects {corrected.Revises}: {corrected.Reason}",
        IRevision revision => $"retracts {revision.Revises}: {revision.Reason}",
        _ => e.Key,
    };

    public static string Of(IReportedFact fact) => fact switch
    {
        AgreementSigned e => $"{Names(e.Parties.Select(p => p.Name))} agreed to cooperate on {Names(e.Areas)}",
        EquipmentDonated e => $"{e.Donor.Name} {Verb(e.Stage, "donates", "donated")} {Names(e.Items)} to {e.Recipient.Name}{Worth(e.Value)}",
        GrantProvided e => $"{e.Donor.Name} {Verb(e.Stage, "grants", "granted")} {e.Recipient.Name} {e.Purpose}{Worth(e.Value)}",
        TrainingProvided e => $"{e.Provider.Name} {Verb(e.Stage, "trains", "trained")} {e.Recipient.Name}: {e.Subject}",
        StatisticClaimed e => $"{e.Claimant.Name} claims {e.Metric} {e.Measure} for {e.Period}{(e.Baseline is null ? string.Empty : $" against {e.Baseline}")}",
        OperationResultsClaimed e => $"{Names(e.By.Select(a => a.Name))}: {string.Join("; ", e.Counts.Select(c => $"{c.Count} {c.Subject} {c.Outcome}"))}",
        AwardConferred e => $"{e.Conferrer.Name} awarded {e.Award} to {(e.Recipients is { } n ? n.ToString(CultureInfo.InvariantCulture) + " of " : string.Empty)}{e.Recipient.Name}",
        MeetingHeld e => $"{e.Kind.ToString().ToLowerInvariant()}{(e.Stage == Stage.Pledged ? " (planned)" : string.Empty)}: {Names(e.Participants.Select(p => p.Name))}{(e.Place is null ? string.Empty : " in " + e.Place)}",
        StructureEstablished e => $"{e.Establisher.Name} {Verb(e.Stage, "sets up", "set up")} {e.Name}",
        ExerciseHeld e => $"exercise{(e.Stage == Stage.Pledged ? " (planned)" : string.Empty)}: {e.Name} ({Names(e.Participants.Select(p => p.Name))})",
        PollPublished e => $"{e.Pollster.Name} poll of {e.Respondents.ToString("N0", CultureInfo.InvariantCulture)}: {string.Join(", ", e.Results.Select(r => $"{r.Option} {r.Percent.ToString("0.##", CultureInfo.InvariantCulture)}%"))}",
        _ => fact.Key,
    };

    private static string Verb(Stage stage, string future, string past) => stage is Stage.Pledged or Stage.Committed ? $"will {FirstWord(future)}{Rest(future)}" : past;

    private static string FirstWord(string verb) => verb.Split(' ')[0] switch
    {
        "donates" => "donate",
        "grants" => "grant",
        "trains" => "train",
        "sets" => "set",
        var other => other,
    };

    private static string Rest(string verb) => verb.Contains(' ', StringComparison.Ordinal) ? verb[verb.IndexOf(' ', StringComparison.Ordinal)..] : string.Empty;

    private static string Worth(MoneyAmount? value) => value is null ? string.Empty : $" worth {value}";

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToArray();
        return list.Length switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => $"{string.Join(", ", list[..^1])} and {list[^1]}",
        };
    }
}
