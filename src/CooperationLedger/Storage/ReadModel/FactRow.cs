using CooperationLedger.Facts;
using CooperationLedger.Resolution;
using CooperationLedger.Views;
using Marten;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>
/// A reported fact as <see cref="ReadTables.Facts"/> keeps it: what questions filter, group and sum by, as typed
/// columns, from the fact's event alone (its revisions are rows of their own).
/// </summary>
/// <param name="Id">The fact's id.</param>
/// <param name="Key">Its key.</param>
/// <param name="Type">Its kind's name.</param>
/// <param name="StreamId">Its document's stream.</param>
/// <param name="Version">Its event's version in that stream.</param>
/// <param name="Stage">Its stage as reported.</param>
/// <param name="EffectiveFrom">The earliest effective day, <c>yyyymmdd</c> (<see cref="DayNumber"/>).</param>
/// <param name="EffectiveTo">The latest effective day.</param>
/// <param name="KnownFrom">The earliest day its document was published.</param>
/// <param name="KnownTo">The latest day its document was published.</param>
/// <param name="PublishedDay">The day the newest facts are ordered by: the latest publication day, else the earliest.</param>
/// <param name="RecordedUs">When the ledger appended it, in Unix microseconds, as PostgreSQL keeps its timestamp.</param>
/// <param name="Matter">The matter it shares with other reports, if any.</param>
/// <param name="DonorId">For a donation, the donor's key.</param>
/// <param name="DonorName">For a donation, the donor's name, which donors of equal sums are ranked by.</param>
/// <param name="Donor">For a donation, the donor as the store's serializer writes an actor.</param>
/// <param name="RecipientId">For a donation, the recipient's key.</param>
/// <param name="Recipient">For a donation, the recipient as the store's serializer writes an actor.</param>
/// <param name="Currency">For a donation of a stated amount, its currency code.</param>
/// <param name="Amount">The amount (the lower bound of a range).</param>
/// <param name="Approximation">How exactly it is stated (<see cref="Facts.Approximation"/>).</param>
/// <param name="UpperBound">The upper bound of a range.</param>
/// <param name="Metric">For a claimed statistic, its metric as stated.</param>
/// <param name="ComparedScale">The scale its figure is compared in (<see cref="FactSignature.Comparison"/>).</param>
/// <param name="ComparedFigure">The figure in that scale.</param>
/// <param name="Span">What the figure allows (<see cref="FigureSpan"/>), for comparing it in SQL; <see langword="null"/> with no figure.</param>
/// <param name="LinkTargets">The ids of the facts it links to; <see langword="null"/> when it links to none.</param>
/// <param name="Shown">What an answer shows of the fact and no question filters by, as JSON: for a donation that states
/// equivalents of its amount or when it is due, those (<see cref="DonationShown"/>); for a claimed statistic, the claim
/// as stated (<see cref="ClaimShown"/>); else <see langword="null"/>.</param>
/// <param name="PeriodFrom">For a claimed statistic whose period has an earliest day, that day, which claims are listed by;
/// else <see langword="null"/>, as for a claim of no period.</param>
/// <param name="Terms">What the fact is found by when a question names an actor or a metric.</param>
internal sealed record FactRow(
    Guid Id,
    string Key,
    string Type,
    Guid StreamId,
    long Version,
    Stage Stage,
    int EffectiveFrom,
    int EffectiveTo,
    int KnownFrom,
    int KnownTo,
    int PublishedDay,
    long RecordedUs,
    string? Matter,
    string? DonorId,
    string? DonorName,
    string? Donor,
    string? RecipientId,
    string? Recipient,
    string? Currency,
    decimal? Amount,
    int? Approximation,
    decimal? UpperBound,
    string? Metric,
    string? ComparedScale,
    string? ComparedFigure,
    StoredSpan? Span,
    Guid[]? LinkTargets,
    string? Shown,
    int? PeriodFrom,
    FactTerms Terms)
{
    /// <summary>Gets the row of a fact appended at <paramref name="recordedAt"/> as the event at <paramref name="position"/>.</summary>
    public static FactRow Of(IReportedFact fact, Instant recordedAt, StreamPosition position, ISerializer serializer)
    {
        var kind = FactCatalog.KindOf(fact);
        var donation = kind.DonationOf(fact);
        var value = donation?.Value;
        var compared = kind.ComparisonOf(fact);
        var claim = kind.StatisticOf(fact);
        var published = fact.Citation.Document.PublishedOn;
        return new FactRow(
            fact.FactId,
            fact.Key,
            FactCatalog.NameOf(fact),
            position.StreamId,
            position.Version,
            fact.Stage,
            DayNumber.From(fact.Effective),
            DayNumber.To(fact.Effective),
            DayNumber.From(published),
            DayNumber.To(published),
            SummaryAnswer.PublishedRank(published),
            InstantNumber.Microseconds(recordedAt),
            fact.Matter,
            donation?.Donor.Id,
            donation?.Donor.Name,
            donation is null ? null : serializer.ToJson(donation.Donor),
            donation?.Recipient.Id,
            donation is null ? null : serializer.ToJson(donation.Recipient),
            value?.Currency.Code,
            value?.Amount,
            value is null ? null : (int)value.Approximation,
            value?.UpperBound,
            claim?.Metric,
            compared?.Scale,
            compared?.Figure,
            compared is { } figure ? StoredSpan.Of(figure.Scale, figure.Figure) : null,
            fact.Links is { Count: > 0 } links ? [.. links.Select(link => link.TargetId).Distinct()] : null,
            Shown(),
            claim?.Period?.Earliest is { } earliest ? DayNumber.Of(earliest) : null,
            FactTerms.Of(fact, kind));

        string? Shown() =>
            donation is not null && (value is { StatedEquivalents.Count: > 0 } || fact.Expected is not null) ? serializer.ToJson(new DonationShown(value, fact.Expected))
            : claim is not null ? serializer.ToJson(new ClaimShown(claim.Claimant, claim.Subject, claim.Measure, claim.Period, claim.Baseline, fact.Effective))
            : null;
    }
}

/// <summary>
/// What a fact is found by when a question names an actor or a metric: the terms of <see cref="ActorTerms"/> in arrays
/// that GIN indexes look up, each <see langword="null"/> where the fact's kind has no such part. An overlap with a
/// selection's terms finds a superset of the facts it includes, which the answer then narrows in memory.
/// </summary>
/// <param name="Donor">A donation's donor.</param>
/// <param name="Recipient">A donation's recipient.</param>
/// <param name="Pairs">Each pairing of a donor's term with a recipient's (<see cref="ActorTerms.Pairs"/>).</param>
/// <param name="Metric">A claim's metric, as looked up.</param>
/// <param name="Claimant">A claim's claimant; empty for a claim no one is said to make.</param>
/// <param name="Subject">A claim's subject.</param>
/// <param name="Parties">An agreement's parties.</param>
/// <param name="ActorKeys">Every fact's actors (<see cref="FactActors.KeysOf"/>), for its timeline.</param>
internal sealed record FactTerms(string[]? Donor, string[]? Recipient, string[]? Pairs, string? Metric, string[]? Claimant, string[]? Subject, string[]? Parties, string[] ActorKeys)
{
    public static FactTerms Of(IReportedFact fact, FactKind kind)
    {
        var donation = kind.DonationOf(fact);
        var (donor, recipient) = donation is null ? (null, null) : (ActorTerms.Of(donation.Donor), ActorTerms.Of(donation.Recipient));
        var claim = kind.StatisticOf(fact);
        return new FactTerms(
            donor?.ToArray(),
            recipient?.ToArray(),
            donor is null || recipient is null ? null : [.. ActorTerms.Pairs(donor, recipient)],
            claim is null ? null : ActorTerms.For(claim.Metric),
            claim is null ? null : claim.Claimant is null ? [] : [.. ActorTerms.Of(claim.Claimant)],
            claim is null ? null : [.. ActorTerms.Of(claim.Subject)],
            kind.AgreementOf(fact) is { } agreement ? [.. ActorTerms.Of(agreement.Parties)] : null,
            [.. FactActors.KeysOf(FactActors.Of(fact))]);
    }
}

/// <summary>A correction or retraction as <see cref="ReadTables.Revisions"/> keeps it: what it revises, and when it was known and recorded.</summary>
/// <param name="Id">The revision's id.</param>
/// <param name="Key">Its key.</param>
/// <param name="Revises">The id of the fact it revises.</param>
/// <param name="IsRetraction"><see langword="true"/> for a retraction.</param>
/// <param name="StreamId">Its document's stream.</param>
/// <param name="Version">Its event's version in that stream.</param>
/// <param name="KnownFrom">The earliest day its document was published.</param>
/// <param name="KnownTo">The latest day its document was published.</param>
/// <param name="RecordedUs">When the ledger appended it, in Unix microseconds, as PostgreSQL keeps its timestamp.</param>
internal sealed record RevisionRow(Guid Id, string Key, Guid Revises, bool IsRetraction, Guid StreamId, long Version, int KnownFrom, int KnownTo, long RecordedUs)
{
    public static RevisionRow Of(IRevision revision, Instant recordedAt, StreamPosition position)
    {
        var published = revision.Citation.Document.PublishedOn;
        return new RevisionRow(
            revision.FactId,
            revision.Key,
            revision.Revises,
            revision is FactRetracted,
            position.StreamId,
            position.Version,
            DayNumber.From(published),
            DayNumber.To(published),
            InstantNumber.Microseconds(recordedAt));
    }
}

/// <summary>
/// A compared figure as SQL compares it: whether it reads as an interval or a direction (a figure kept as text does
/// not, and agrees only with the same text), its bounds and its direction (see <see cref="FigureSpan.Agree"/>).
/// </summary>
/// <param name="Read">Whether the figure reads as a span.</param>
/// <param name="Low">The least value it allows; <see langword="null"/> for none.</param>
/// <param name="High">The greatest value it allows; <see langword="null"/> for none.</param>
/// <param name="Direction">Which way it went, where its scale says.</param>
internal readonly record struct StoredSpan(bool Read, decimal? Low, decimal? High, Direction? Direction)
{
    public static StoredSpan Of(string scale, string figure) =>
        FigureSpan.Read(scale, figure) is { } span ? new StoredSpan(true, span.Low, span.High, span.Direction) : new StoredSpan(false, null, null, null);
}

/// <summary>What a donor total shows of a donation beyond what is summed: its value with its stated equivalents, and when it is due.</summary>
/// <param name="Value">The value as reported, equivalents included; <see langword="null"/> when no amount is stated.</param>
/// <param name="Expected">When the promise or expectation is due, if the source says.</param>
internal sealed record DonationShown(MoneyAmount? Value, ReportedDate? Expected);

/// <summary>What a claimed statistic's answer shows of it beyond its metric and matter, as it was stated.</summary>
/// <param name="Claimant">Who claims it; <see langword="null"/> for the outlet's own statement.</param>
/// <param name="Subject">Whose results it describes.</param>
/// <param name="Measure">The number as stated.</param>
/// <param name="Period">The period it covers, if stated.</param>
/// <param name="Baseline">The period it is compared with, if stated.</param>
/// <param name="Effective">When it was claimed.</param>
internal sealed record ClaimShown(Actor? Claimant, Actor Subject, StatisticMeasure Measure, ReportedDate? Period, ReportedDate? Baseline, ReportedDate Effective);
