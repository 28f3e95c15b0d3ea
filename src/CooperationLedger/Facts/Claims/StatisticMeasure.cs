using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>The number a statistic claim makes, exactly as made: its kind, value, unit and the words it was read from.</summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed record StatisticMeasure
{
    /// <summary>Initializes a measure.</summary>
    /// <param name="kind">What the number measures.</param>
    /// <param name="value">The number; negative only for a change (a fall).</param>
    /// <param name="unit">Its unit ("percent", "kg", "cases").</param>
    /// <param name="verbatim">The words it was read from ("39.5% more").</param>
    /// <param name="approximation">How exactly the source states it, as for money: "roughly a third" is about.</param>
    /// <param name="upperBound">The high end of a range; only a range has one, above <paramref name="value"/>.</param>
    /// <exception cref="ArgumentException">A level is negative, a text is blank, or the bound does not fit the approximation.</exception>
    [JsonConstructor]
    public StatisticMeasure(StatisticKind kind, decimal value, string unit, string verbatim, Approximation approximation = Approximation.Exact, decimal? upperBound = null)
    {
        if (!Enum.IsDefined(approximation) || (approximation == Approximation.Range) != (upperBound is not null) || upperBound <= value)
        {
            throw new ArgumentOutOfRangeException(nameof(upperBound), upperBound, "A range has an upper bound above its value, and only a range has one.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown statistic kind.");
        }

        if (kind == StatisticKind.Level && value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A level is not negative.");
        }

        if (Math.Abs(value) > 1_000_000_000_000m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value is beyond any plausible statistic.");
        }

        Kind = kind;
        Value = value;
        Unit = Preconditions.CheckText(unit, nameof(unit), 100);
        Verbatim = Preconditions.CheckText(verbatim, nameof(verbatim), 300);
        Approximation = approximation;
        UpperBound = upperBound;
    }

    /// <summary>Gets what the number measures.</summary>
    public StatisticKind Kind { get; }

    /// <summary>Gets the number.</summary>
    public decimal Value { get; }

    /// <summary>Gets its unit.</summary>
    public string Unit { get; }

    /// <summary>Gets the words it was read from.</summary>
    public string Verbatim { get; }

    /// <summary>Gets how exactly the source states the number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Approximation Approximation { get; }

    /// <summary>Gets the high end of a range, when <see cref="Approximation"/> is <see cref="Approximation.Range"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? UpperBound { get; }

    /// <summary>Returns the same measure with another value, as a correction states it: the correction's figure is exact.</summary>
    /// <param name="value">The corrected value.</param>
    /// <returns>The corrected measure.</returns>
    public StatisticMeasure WithValue(decimal value) => new(Kind, value, Unit, Verbatim);

    /// <inheritdoc/>
    public override string ToString() => Approximation switch
    {
        Approximation.About => "about " + Figure(),
        Approximation.AtLeast => "at least " + Figure(),
        Approximation.AtMost => "at most " + Figure(),
        Approximation.Range => $"{Figure()} to {UpperBound:0.##}",
        _ => Figure(),
    };

    private string Figure() => Kind switch
    {
        StatisticKind.PercentChange => $"{Value:+0.##;-0.##}%",
        StatisticKind.AbsoluteChange => $"{Value:+0.##;-0.##} {Unit}",
        _ => $"{Value:0.##} {Unit}",
    };
}
