using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>
/// A sum of amounts in one currency that says what it is: the exact amounts and the hedged ones ("around", "at least",
/// "up to", a range) summed apart, never mixed, and the bounds of the whole where its parts allow them.
/// </summary>
/// <remarks>
/// An amount adds to the bounds as follows: an exact amount to both; "at least" to the lower bound, and the total has
/// no upper bound; "at most" to the upper bound (its lower bound is nothing); a range its low end to the lower and its
/// high end to the upper bound; "about" leaves the total with neither bound, since the source gives none.
/// </remarks>
/// <param name="Exact">The sum of amounts stated exactly.</param>
/// <param name="Approximate">The sum of the figures of hedged amounts (for a range, its low end): never added to <paramref name="Exact"/>.</param>
/// <param name="Low">The least the whole can be, or <see langword="null"/> when an amount is only "about".</param>
/// <param name="High">The most the whole can be, or <see langword="null"/> when an amount is "about" or "at least".</param>
public sealed record AmountTotal(decimal Exact, decimal Approximate, decimal? Low, decimal? High)
{
    /// <summary>Gets the empty total.</summary>
    public static AmountTotal Zero { get; } = new(0m, 0m, 0m, 0m);

    /// <summary>Gets a value indicating whether nothing was summed.</summary>
    public bool IsZero => Exact == 0m && Approximate == 0m;

    /// <summary>Gets a value indicating whether every amount summed was exact, so that <see cref="Exact"/> is the whole.</summary>
    public bool IsExact => Approximate == 0m;

    /// <summary>Adds an amount, by the rules of the remarks.</summary>
    /// <param name="amount">The amount, in the total's currency.</param>
    /// <returns>The new total.</returns>
    public AmountTotal Add(MoneyAmount amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return Add(amount.Amount, amount.Approximation, amount.UpperBound);
    }

    /// <summary>Adds an amount given by its parts, as <see cref="Add(MoneyAmount)"/> adds a whole one.</summary>
    internal AmountTotal Add(decimal figure, Approximation approximation, decimal? upperBound) =>
        approximation switch
        {
            Approximation.Exact => this with { Exact = Exact + figure, Low = Low + figure, High = High + figure },
            Approximation.AtLeast => this with { Approximate = Approximate + figure, Low = Low + figure, High = null },
            Approximation.AtMost => this with { Approximate = Approximate + figure, High = High + figure },
            Approximation.Range => this with { Approximate = Approximate + figure, Low = Low + figure, High = High + upperBound },
            _ => this with { Approximate = Approximate + figure, Low = null, High = null },
        };

    /// <summary>
    /// Adds another total of the same currency: the exact and hedged parts apart, and each bound only where both totals
    /// have it, since a total with no bound at one end says the whole has none there.
    /// </summary>
    internal AmountTotal Plus(AmountTotal other) =>
        new(Exact + other.Exact, Approximate + other.Approximate, Low + other.Low, High + other.High);
}
