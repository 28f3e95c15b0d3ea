using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>
/// A quantity as a source gives it, with the same hedges as money: exact ("20"), about ("some 40"), at least ("more
/// than 300"), at most ("up to 5"), a range from low to high ("20-25"), or vague words with no number ("dozens",
/// "several"), never turned into an invented range. A quantity of things has no unit; a mass keeps its unit as printed
/// ("1.5 tonnes"), compared and summed in kilograms.
/// </summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed record Quantity
{
    /// <summary>Initializes a quantity.</summary>
    /// <param name="low">The number, or the low end of a range; zero or more; <see langword="null"/> only for vague words.</param>
    /// <param name="high">The high end of a range, above <paramref name="low"/>; <see langword="null"/> for any other quantity.</param>
    /// <param name="approximation">How exactly the source states it; a quantity with a high end is a range.</param>
    /// <param name="unit">Its unit as printed ("kg", "tonnes"); <see langword="null"/> for a count of things.</param>
    /// <param name="vague">The vague words of a quantity with no number ("dozens"); only such a quantity has them.</param>
    /// <exception cref="ArgumentException">
    /// A number is negative or absurd, the range is empty, a hedge other than a range has a high end, or a quantity has
    /// both a number and vague words, or neither.
    /// </exception>
    [JsonConstructor]
    public Quantity(decimal? low, decimal? high = null, Approximation approximation = Approximation.Exact, string? unit = null, string? vague = null)
    {
        if ((low is null) == (vague is null))
        {
            throw new ArgumentException("A quantity has a number, or vague words instead of one (\"dozens\"), not both.", nameof(vague));
        }

        if (vague is not null)
        {
            if (high is not null || approximation != Approximation.Exact)
            {
                throw new ArgumentException("Vague words have no bounds or hedge of their own: keep the words.", nameof(vague));
            }

            Vague = Preconditions.CheckText(vague, nameof(vague), 60);
            Unit = unit is null ? null : Preconditions.CheckText(unit, nameof(unit), 40);
            return;
        }

        // A count stored before counts had hedges is exact, or a range when it has a high end.
        approximation = high is not null && approximation == Approximation.Exact ? Approximation.Range : approximation;
        if (!Enum.IsDefined(approximation) || (approximation == Approximation.Range) != (high is not null))
        {
            throw new ArgumentOutOfRangeException(nameof(approximation), approximation, "A range has a high end, and only a range has one.");
        }

        if (low is < 0 or > 100_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, "A quantity is between 0 and 100,000,000.");
        }

        if (high is { } top && (top <= low || top > 100_000_000))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, "The high end of a range is above the low end and at most 100,000,000.");
        }

        if (unit is null && (low % 1 != 0 || (high is { } end && end % 1 != 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, "A count of things is a whole number; a fraction needs a unit (1.5 tonnes).");
        }

        Low = low;
        High = high;
        Approximation = approximation;
        Unit = unit is null ? null : Preconditions.CheckText(unit, nameof(unit), 40);
    }

    /// <summary>Gets the number, or the low end of a range; <see langword="null"/> for vague words.</summary>
    public decimal? Low { get; }

    /// <summary>Gets the high end of a range, or <see langword="null"/> for any other quantity.</summary>
    public decimal? High { get; }

    /// <summary>Gets how exactly the source states the quantity.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Approximation Approximation { get; }

    /// <summary>Gets its unit as printed, or <see langword="null"/> for a count of things.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Unit { get; }

    /// <summary>Gets the vague words of a quantity with no number ("dozens"), or <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Vague { get; }

    /// <summary>Gets the unit it is compared and summed in: kilograms for any mass; <see langword="null"/> for a count of things.</summary>
    [JsonIgnore]
    public string? NormalisedUnit => Unit is null ? null : MeasureUnit.Normalise(Unit).Unit;

    /// <summary>Gets the most the quantity can be, when the source bounds it from above (exact, at most, a range).</summary>
    [JsonIgnore]
    public decimal? UpperBound => Approximation switch
    {
        _ when Vague is not null => null,
        Approximation.Exact or Approximation.AtMost => Low,
        Approximation.Range => High,
        _ => null,
    };

    /// <summary>Gets the factor from <see cref="Unit"/> to <see cref="NormalisedUnit"/> (1000 for tonnes to kilograms).</summary>
    internal decimal Factor => Unit is null ? 1m : MeasureUnit.Normalise(Unit).Factor;

    /// <summary>Creates an exact count of things.</summary>
    /// <param name="count">The count.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Exactly(int count) => new(count);

    /// <inheritdoc/>
    public override string ToString() => (Vague ?? Approximation switch
    {
        Approximation.Range => $"{Low:0.##}-{High:0.##}",
        Approximation.About => $"about {Low:0.##}",
        Approximation.AtLeast => $"at least {Low:0.##}",
        Approximation.AtMost => $"at most {Low:0.##}",
        _ => $"{Low:0.##}",
    }) + (Unit is null ? string.Empty : " " + Unit);
}
