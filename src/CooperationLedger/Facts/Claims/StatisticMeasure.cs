using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>
/// What a statistic claim states, exactly as stated: its kind, its number and unit (a claim in words has neither),
/// its direction when only words give one, and the words it was read from.
/// </summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed record StatisticMeasure
{
    /// <summary>Initializes a measure.</summary>
    /// <param name="kind">What the number measures, or <see cref="StatisticKind.Qualitative"/> for a claim in words.</param>
    /// <param name="value">The number; negative only for a change (a fall); none for a claim in words.</param>
    /// <param name="unit">Its unit as printed ("percent", "tonnes", "cases"); none for a claim in words, optional for a ratio.</param>
    /// <param name="verbatim">The words it was read from ("39.5% more", "a sharp rise").</param>
    /// <param name="approximation">How exactly the source states it, as for money: "roughly a third" is about.</param>
    /// <param name="upperBound">The high end of a range; only a range has one, above <paramref name="value"/>.</param>
    /// <param name="direction">Which way a claim in words says the statistic went, if its words say so; only such a claim has one.</param>
    /// <exception cref="ArgumentException">
    /// A level is negative, a ratio is not positive, a text is blank, a claim in words has a number or a number has no
    /// unit, or the bound does not fit the approximation.
    /// </exception>
    [JsonConstructor]
    public StatisticMeasure(StatisticKind kind, decimal? value, string? unit, string verbatim, Approximation approximation = Approximation.Exact, decimal? upperBound = null, Direction? direction = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown statistic kind.");
        }

        if (direction is { } given && !Enum.IsDefined(given))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown direction.");
        }

        Verbatim = Preconditions.CheckText(verbatim, nameof(verbatim), 300);
        if (kind == StatisticKind.Qualitative)
        {
            // A claim in words is kept in words: any number here would be ours, not the source's.
            if (value is not null || unit is not null || approximation != Approximation.Exact || upperBound is not null)
            {
                throw new ArgumentException("A claim in words has no number, unit, approximation or bound: keep its words, and its direction if they give one.", nameof(value));
            }

            Kind = kind;
            Direction = direction;
            return;
        }

        if (direction is not null)
        {
            throw new ArgumentException("Only a claim in words has a direction: a number says its own.", nameof(direction));
        }

        if (value is not { } number)
        {
            throw new ArgumentNullException(nameof(value), "A measure of this kind has a number.");
        }

        if (!Enum.IsDefined(approximation) || (approximation == Approximation.Range) != (upperBound is not null) || upperBound <= number)
        {
            throw new ArgumentOutOfRangeException(nameof(upperBound), upperBound, "A range has an upper bound above its value, and only a range has one.");
        }

        if ((kind == StatisticKind.Level && number < 0) || (kind == StatisticKind.Ratio && number <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, kind == StatisticKind.Ratio ? "A ratio is above zero (\"halved\" is 0.5)." : "A level is not negative.");
        }

        if (Math.Abs(number) > 1_000_000_000_000m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value is beyond any plausible statistic.");
        }

        if (kind == StatisticKind.Ratio && unit is not null && MeasureUnit.Normalise(unit).Unit == "percent")
        {
            throw new ArgumentException("A ratio is a multiple (\"twice as many\" is 2), not a share: give the thing counted as its unit, or none.", nameof(unit));
        }

        Kind = kind;
        Value = number;
        Unit = unit is null && kind == StatisticKind.Ratio ? null : Preconditions.CheckText(unit!, nameof(unit), 100);
        Approximation = approximation;
        UpperBound = upperBound;
    }

    /// <summary>Gets what the number measures.</summary>
    public StatisticKind Kind { get; }

    /// <summary>Gets the number, or <see langword="null"/> for a claim in words.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Value { get; }

    /// <summary>Gets its unit as printed, or <see langword="null"/> for a claim in words or a ratio that names none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Unit { get; }

    /// <summary>Gets the words it was read from.</summary>
    public string Verbatim { get; }

    /// <summary>Gets how exactly the source states the number.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Approximation Approximation { get; }

    /// <summary>Gets the high end of a range, when <see cref="Approximation"/> is <see cref="Approximation.Range"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? UpperBound { get; }

    /// <summary>Gets which way a claim in words says the statistic went, when its words say so.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Direction? Direction { get; }

    /// <summary>Gets the unit the measure is compared in: kilograms for any mass, percent for any share, else the unit's own words.</summary>
    [JsonIgnore]
    public string? NormalisedUnit => Unit is null ? null : MeasureUnit.Normalise(Unit).Unit;

    /// <summary>Gets the number in <see cref="NormalisedUnit"/> ("1.5 tonnes" is 1500).</summary>
    [JsonIgnore]
    public decimal? NormalisedValue => Value * Factor;

    /// <summary>
    /// Gets what two claims must share to be compared, and the figure compared: two claims of one metric dispute when
    /// they share a scale and their figures cannot both be true (<see cref="FigureSpan"/>), whatever spelling their
    /// units have. A claim in words is compared by its direction, and has nothing to compare without one.
    /// </summary>
    internal (string Scale, string Figure)? Comparison =>
        Value is { } value ? ($"{Kind}|{NormalisedUnit}", FigureSpan.Write(Approximation, value * Factor, UpperBound * Factor))
        : Direction is { } direction ? ($"{Kind}|", FigureSpan.Write(direction))
        : null;

    private decimal Factor => Unit is null ? 1m : MeasureUnit.Normalise(Unit).Factor;

    /// <summary>Returns the same measure with another value, as a correction states it: the correction's figure is exact.</summary>
    /// <param name="value">The corrected value.</param>
    /// <returns>The corrected measure; a claim in words has no number to correct, and is returned as it is.</returns>
    public StatisticMeasure WithValue(decimal value) => Kind == StatisticKind.Qualitative ? this : new(Kind, value, Unit, Verbatim);

    /// <inheritdoc/>
    public override string ToString() => Kind == StatisticKind.Qualitative
        ? Direction switch
        {
            Facts.Direction.Increase => "up, no figure",
            Facts.Direction.Decrease => "down, no figure",
            Facts.Direction.NoChange => "unchanged, no figure",
            _ => "no figure",
        }
        : Approximation switch
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
        StatisticKind.Ratio => $"{Value:0.##} times{(Unit is null ? string.Empty : " the " + Unit)}",
        _ => $"{Value:0.##} {Unit}",
    };
}
