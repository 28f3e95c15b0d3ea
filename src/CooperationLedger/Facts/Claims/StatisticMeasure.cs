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
    /// <exception cref="ArgumentException">A level is negative, or a text is blank.</exception>
    [JsonConstructor]
    public StatisticMeasure(StatisticKind kind, decimal value, string unit, string verbatim)
    {
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
    }

    /// <summary>Gets what the number measures.</summary>
    public StatisticKind Kind { get; }

    /// <summary>Gets the number.</summary>
    public decimal Value { get; }

    /// <summary>Gets its unit.</summary>
    public string Unit { get; }

    /// <summary>Gets the words it was read from.</summary>
    public string Verbatim { get; }

    /// <summary>Returns the same measure with another value, as a correction states it.</summary>
    /// <param name="value">The corrected value.</param>
    /// <returns>The corrected measure.</returns>
    public StatisticMeasure WithValue(decimal value) => new(Kind, value, Unit, Verbatim);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        StatisticKind.PercentChange => $"{Value:+0.##;-0.##}%",
        StatisticKind.AbsoluteChange => $"{Value:+0.##;-0.##} {Unit}",
        _ => $"{Value:0.##} {Unit}",
    };
}
