using System.Globalization;
using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>
/// An amount of money as a source states it: a decimal amount in one currency, how exact it is, the verbatim text it was
/// read from, and any equivalents in other currencies that the source itself prints ("21m KGS (US $450,000)").
/// </summary>
/// <remarks>
/// The ledger never converts currencies and never sums across them: an equivalent is kept exactly as printed, beside the
/// amount. This type is an immutable value type and thread-safe.
/// </remarks>
public sealed record MoneyAmount
{
    /// <summary>The largest amount accepted: a thousand trillion (10^15) in any currency.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>Initializes an amount.</summary>
    /// <param name="amount">The amount, greater than zero and at most <see cref="MaxAmount"/>.</param>
    /// <param name="currency">Its currency.</param>
    /// <param name="approximation">How exactly the source states it.</param>
    /// <param name="upperBound">The upper bound; required with, and only with, <see cref="Approximation.Range"/>.</param>
    /// <param name="verbatim">The text it was read from, such as <c>21m KGS</c>.</param>
    /// <param name="statedEquivalents">Equivalents the source prints, each in another currency and with none of its own.</param>
    /// <exception cref="ArgumentException">An amount is out of range, a bound is missing or misplaced, or an equivalent is
    /// in the same currency or has equivalents of its own.</exception>
    [JsonConstructor]
    public MoneyAmount(
        decimal amount,
        Currency currency,
        Approximation approximation = Approximation.Exact,
        decimal? upperBound = null,
        string? verbatim = null,
        IReadOnlyList<MoneyAmount>? statedEquivalents = null)
    {
        CheckAmount(amount, nameof(amount));
        _ = currency.Code;
        if (!Enum.IsDefined(approximation))
        {
            throw new ArgumentOutOfRangeException(nameof(approximation), approximation, "Unknown approximation.");
        }

        if ((approximation == Approximation.Range) != upperBound.HasValue)
        {
            throw new ArgumentException("An upper bound is given with, and only with, a range.", nameof(upperBound));
        }

        if (upperBound is { } bound)
        {
            CheckAmount(bound, nameof(upperBound));
            if (bound <= amount)
            {
                throw new ArgumentException($"The upper bound {bound} is not above the amount {amount}.", nameof(upperBound));
            }
        }

        var equivalents = Preconditions.CheckList(statedEquivalents ?? [], nameof(statedEquivalents));
        if (equivalents.Any(equivalent => equivalent.Currency == currency || equivalent.StatedEquivalents.Count > 0))
        {
            throw new ArgumentException("A stated equivalent is in another currency and has no equivalents of its own.", nameof(statedEquivalents));
        }

        Amount = amount;
        Currency = currency;
        Approximation = approximation;
        UpperBound = upperBound;
        Verbatim = Preconditions.CheckOptionalText(verbatim, nameof(verbatim), 200);
        StatedEquivalents = equivalents;
    }

    /// <summary>Gets the amount (the lower bound of a range).</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets how exactly the source states the amount.</summary>
    public Approximation Approximation { get; }

    /// <summary>Gets the upper bound of a range, when <see cref="Approximation"/> is <see cref="Approximation.Range"/>.</summary>
    public decimal? UpperBound { get; }

    /// <summary>Gets the text the amount was read from, if recorded.</summary>
    public string? Verbatim { get; }

    /// <summary>Gets the equivalents in other currencies that the source itself states, exactly as printed.</summary>
    public IReadOnlyList<MoneyAmount> StatedEquivalents { get; }

    /// <summary>Gets a value indicating whether the amount is exact.</summary>
    [JsonIgnore]
    public bool IsExact => Approximation == Approximation.Exact;

    /// <inheritdoc/>
    public bool Equals(MoneyAmount? other) =>
        other is not null
        && Amount == other.Amount
        && Currency == other.Currency
        && Approximation == other.Approximation
        && UpperBound == other.UpperBound
        && Verbatim == other.Verbatim
        && StatedEquivalents.SequenceEqual(other.StatedEquivalents);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, Currency, Approximation, UpperBound, Verbatim, StatedEquivalents.Count);

    /// <inheritdoc/>
    public override string ToString()
    {
        var hedge = Approximation switch
        {
            Approximation.About => "about ",
            Approximation.AtLeast => "at least ",
            Approximation.AtMost => "at most ",
            _ => string.Empty,
        };
        // Digits grouped in threes, in the invariant culture: "21,000,000 KGS" reads at a glance, in any locale.
        var range = UpperBound is { } bound
            ? string.Create(CultureInfo.InvariantCulture, $"{Amount:#,0.##}-{bound:#,0.##}")
            : Amount.ToString("#,0.##", CultureInfo.InvariantCulture);
        return $"{hedge}{range} {Currency}";
    }

    /// <summary>
    /// Gets what two amounts must share to be compared (their currency), and the figure compared: two amounts dispute
    /// when they cannot both be true (<see cref="FigureSpan"/>).
    /// </summary>
    internal (string Scale, string Figure) Comparison => ($"money|{Currency.Code}", FigureSpan.Write(Approximation, Amount, UpperBound));

    private static void CheckAmount(decimal value, string parameterName)
    {
        if (value <= 0 || value > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"An amount is greater than zero and at most {MaxAmount:N0}.");
        }
    }
}
