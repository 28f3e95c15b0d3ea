using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>
/// What the ledger says as of a point, in a form a reader takes in at any size: how many facts of each kind and year,
/// the totals of each currency by stage with its largest donors, the metrics most claimed, the disputes with the most
/// versions, and the newest facts. Each part names what to ask for the full listing behind it (donor totals of one donor
/// and currency, the claims of one metric or matter, the timeline).
/// </summary>
/// <param name="AsOf">The point it is for.</param>
/// <param name="Top">How many items each list keeps at most.</param>
/// <param name="Facts">How many facts the ledger tells at the point (corrections and retractions are applied, not counted).</param>
/// <param name="Kinds">The facts of each kind, by year; the most numerous kind first, then by name.</param>
/// <param name="Currencies">Each currency's totals by stage and its largest donors, by currency code.</param>
/// <param name="NoAmountStated">How many donations and grants state no amount (never summed).</param>
/// <param name="Metrics">The metrics with the most claims, at most the number asked for; then by name.</param>
/// <param name="Disputes">The disputes with the most versions, at most the number asked for; then by matter.</param>
/// <param name="DisputeCount">How many matters are disputed in all, donations and claims.</param>
/// <param name="Newest">The newest facts by the day their document was published (then by when they were recorded), at
/// most the number asked for, newest first, each with its sources.</param>
/// <param name="Agreements">The newest agreements by publication, at most the number asked for, each with its state on the
/// as-of day (in effect, announced only, not yet in effect, expired or ended) and its sources.</param>
/// <param name="OperationResults">The newest claims of operation results (arrests, deaths, seizures) by publication, at most
/// the number asked for, each count with its breakdown, and its sources.</param>
/// <param name="NoAmount">The newest donations and grants of no stated amount by publication (then by key), at most the number asked for:
/// what was given or pledged, by whom to whom, said in words, with its sources.</param>
public sealed record LedgerSummary(
    AsOf AsOf,
    int Top,
    int Facts,
    IReadOnlyList<KindCount> Kinds,
    IReadOnlyList<CurrencySummary> Currencies,
    int NoAmountStated,
    IReadOnlyList<MetricSummary> Metrics,
    IReadOnlyList<Dispute> Disputes,
    int DisputeCount,
    IReadOnlyList<TimelineItem> Newest,
    IReadOnlyList<AgreementStatus> Agreements,
    IReadOnlyList<OperationResults> OperationResults,
    IReadOnlyList<DonationWithoutAmount> NoAmount);

/// <summary>How many facts of one kind the ledger tells as of a point, by the year they happened.</summary>
/// <param name="Type">The kind's stored name (<c>equipment_donated</c>).</param>
/// <param name="Facts">How many there are.</param>
/// <param name="Years">How many each year, by year; the year is the one the as-of rule reads the date in (its latest
/// possible day under "certainly", its earliest under "possibly"), <see langword="null"/> for a date open at that end.</param>
public sealed record KindCount(string Type, int Facts, IReadOnlyList<YearCount> Years);

/// <summary>How many facts of a kind fall in one year.</summary>
/// <param name="Year">The year; <see langword="null"/> for dates open at the end the rule reads.</param>
/// <param name="Facts">How many.</param>
public sealed record YearCount(int? Year, int Facts);

/// <summary>The totals of one currency as of a point, by stage, with its largest donors.</summary>
/// <param name="Currency">The currency; totals never add across currencies.</param>
/// <param name="Pledged">The pledged amounts, added as <see cref="AmountTotal"/> adds them.</param>
/// <param name="Committed">The committed amounts.</param>
/// <param name="Realised">The realised amounts.</param>
/// <param name="Expected">The amounts an outlet expects with no party's promise.</param>
/// <param name="Donations">How many donations and grants are summed.</param>
/// <param name="Donors">How many donors gave in this currency.</param>
/// <param name="Largest">The largest donors, at most the number asked for: by committed and realised together (exact and
/// hedged figures added), then pledged, then name.</param>
public sealed record CurrencySummary(
    Currency Currency,
    AmountTotal Pledged,
    AmountTotal Committed,
    AmountTotal Realised,
    AmountTotal Expected,
    int Donations,
    int Donors,
    IReadOnlyList<DonorSum> Largest);

/// <summary>What one donor gave in one currency, over every recipient.</summary>
/// <param name="Donor">The donor.</param>
/// <param name="Pledged">Its pledged amounts.</param>
/// <param name="Committed">Its committed amounts.</param>
/// <param name="Realised">Its realised amounts.</param>
/// <param name="Expected">The amounts an outlet expects of it with no promise of its own.</param>
/// <param name="Donations">How many donations and grants are summed.</param>
/// <param name="Recipients">How many recipients they went to.</param>
public sealed record DonorSum(Actor Donor, AmountTotal Pledged, AmountTotal Committed, AmountTotal Realised, AmountTotal Expected, int Donations, int Recipients);

/// <summary>The claims of one metric as of a point.</summary>
/// <param name="Metric">The metric, as claimed.</param>
/// <param name="Claims">How many claims state it.</param>
/// <param name="Disputed">How many of them are disputed on their matter.</param>
/// <param name="Latest">The claim of the latest effective date (then by key), with its sources.</param>
public sealed record MetricSummary(string Metric, int Claims, int Disputed, ClaimedStatistic Latest);
