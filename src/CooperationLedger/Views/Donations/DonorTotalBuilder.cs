using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Views;

/// <summary>
/// Adds up one line of donor totals (one donor, recipient and currency) from its donations, however each was read:
/// resolved in memory, or settled and read from the read tables. Every line is built here, so a line is the same whichever
/// way its donations came: its donor and recipient as the first donation by key states them, its lists by key.
/// </summary>
internal sealed class DonorTotalBuilder(string donorId, string recipientId, string currency)
{
    private readonly List<Counted> donations = [];
    private readonly Dictionary<Stage, AmountTotal> sums = [];
    private (string Key, Actor Donor, Actor Recipient)? first;

    /// <summary>Gets the line's key: the donor's, the recipient's and the currency's.</summary>
    public (string DonorId, string RecipientId, string Currency) Line => (donorId, recipientId, currency);

    /// <summary>Adds a donation of a stated amount, given by its parts.</summary>
    /// <param name="id">The fact's id.</param>
    /// <param name="key">The fact's key.</param>
    /// <param name="stage">Its stage at the point.</param>
    /// <param name="amount">Its amount.</param>
    /// <param name="approximation">How the amount is hedged.</param>
    /// <param name="upperBound">The upper end of a range.</param>
    /// <param name="value">The whole value, when it states equivalents (they are listed); else <see langword="null"/>.</param>
    /// <param name="expected">When it is due, if the source says.</param>
    /// <param name="sources">Its sources, for a line that carries them; else <see langword="null"/>.</param>
    public void Add(Guid id, string key, Stage stage, decimal amount, Approximation approximation, decimal? upperBound, MoneyAmount? value, ReportedDate? expected, IReadOnlyList<SourceReference>? sources)
    {
        sums[stage] = (sums.TryGetValue(stage, out var sum) ? sum : AmountTotal.Zero).Add(amount, approximation, upperBound);
        donations.Add(new Counted(id, key, value, expected, sources));
    }

    /// <summary>Offers the actors as the donation <paramref name="key"/> states them; the first by key is kept.</summary>
    public void Name(string key, Actor donor, Actor recipient)
    {
        if (first is not { } kept || string.CompareOrdinal(key, kept.Key) < 0)
        {
            first = (key, donor, recipient);
        }
    }

    /// <summary>Builds the line; call it once, after every donation is added and named.</summary>
    public DonorTotal Build()
    {
        var named = first ?? throw new InvalidOperationException($"The donor total of {donorId}, {recipientId} and {currency} was built with no donation named.");
        var ordered = donations.OrderBy(d => d.Key, StringComparer.Ordinal).ToArray();
        AmountTotal Sum(Stage stage) => sums.TryGetValue(stage, out var sum) ? sum : AmountTotal.Zero;
        return new DonorTotal(
            named.Donor,
            named.Recipient,
            new Currency(currency),
            Sum(Stage.Pledged),
            Sum(Stage.Committed),
            Sum(Stage.Realised),
            Sum(Stage.Expected),
            ordered.Length,
            ordered.SelectMany(d => d.Value?.StatedEquivalents.Select(equivalent => new StatedEquivalent(d.Id, d.Value, equivalent)) ?? []).ToArray(),
            ordered.SelectMany(d => d.Sources ?? []).ToArray())
        {
            Due = ordered.Where(d => d.Expected is not null).Select(d => new PromiseDue(d.Id, d.Key, d.Expected!)).ToArray() is { Length: > 0 } due ? due : null,
            Facts = ordered.Select(d => d.Id).ToArray(),
        };
    }

    private sealed record Counted(Guid Id, string Key, MoneyAmount? Value, ReportedDate? Expected, IReadOnlyList<SourceReference>? Sources);
}
