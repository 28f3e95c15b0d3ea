namespace CooperationLedger.Facts;

/// <summary>What the donations view keeps of a fact: who gave what to whom, worth how much.</summary>
/// <param name="Donor">Who gives.</param>
/// <param name="Recipient">Who receives.</param>
/// <param name="Channel">The body the donor gives through, if any.</param>
/// <param name="Description">What is given, in words.</param>
/// <param name="Value">What it is worth, if stated.</param>
internal sealed record DonationParts(Actor Donor, Actor Recipient, Actor? Channel, string Description, MoneyAmount? Value);

/// <summary>What the claimed-statistics view keeps of a fact.</summary>
/// <param name="Claimant">Who claims; <see langword="null"/> when unattributed.</param>
/// <param name="Subject">Whose results the statistic describes.</param>
/// <param name="Metric">What is measured.</param>
/// <param name="Measure">The number as claimed.</param>
/// <param name="Period">The period covered; <see langword="null"/> when not stated.</param>
/// <param name="Baseline">The period compared with, if any.</param>
internal sealed record StatisticParts(Actor? Claimant, Actor Subject, string Metric, StatisticMeasure Measure, ReportedDate? Period, ReportedDate? Baseline);

/// <summary>What the agreements view keeps of a fact.</summary>
/// <param name="Parties">Who agreed.</param>
/// <param name="Areas">What they agreed to cooperate on.</param>
/// <param name="Title">The agreement's title, if printed.</param>
/// <param name="Term">How long it runs, if the source says.</param>
internal sealed record AgreementParts(IReadOnlyList<Actor> Parties, IReadOnlyList<string> Areas, string? Title, AgreementTerm? Term);
