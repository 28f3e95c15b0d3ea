using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>
/// A count as a source gives it, with the same hedges as money: exact ("20"), about ("some 40"), at least ("more than
/// 300"), at most ("up to 5"), or a range from low to high ("20-25"; "dozens" kept conservatively).
/// </summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed record Quantity
{
    /// <summary>Initializes a count.</summary>
    /// <param name="low">The count, or the low end of a range; zero or more.</param>
    /// <param name="high">The high end of a range, above <paramref name="low"/>; <see langword="null"/> for any other count.</param>
    /// <param name="approximation">How exactly the source states it; a count with a high end is a range.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is negative, absurd, the range is empty, or a hedge other than a range has a high end.</exception>
    [JsonConstructor]
    public Quantity(int low, int? high = null, Approximation approximation = Approximation.Exact)
    {
        // A count stored before counts had hedges is exact, or a range when it has a high end.
        approximation = high is not null && approximation == Approximation.Exact ? Approximation.Range : approximation;
        if (!Enum.IsDefined(approximation) || (approximation == Approximation.Range) != (high is not null))
        {
            throw new ArgumentOutOfRangeException(nameof(approximation), approximation, "A range has a high end, and only a range has one.");
        }

        if (low is < 0 or > 100_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, "A count is between 0 and 100,000,000.");
        }

        if (high is { } top && (top <= low || top > 100_000_000))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, "The high end of a range is above the low end and at most 100,000,000.");
        }

        Low = low;
        High = high;
        Approximation = approximation;
    }

    /// <summary>Gets the count, or the low end of a range.</summary>
    public int Low { get; }

    /// <summary>Gets the high end of a range, or <see langword="null"/> for an exact count.</summary>
    public int? High { get; }

    /// <summary>Gets how exactly the source states the count.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Approximation Approximation { get; }

    /// <summary>Gets the most the count can be, when the source bounds it from above (exact, at most, a range).</summary>
    [JsonIgnore]
    public int? UpperBound => Approximation switch
    {
        Approximation.Exact or Approximation.AtMost => Low,
        Approximation.Range => High,
        _ => null,
    };

    /// <summary>Creates an exact count.</summary>
    /// <param name="count">The count.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Exactly(int count) => new(count);

    /// <inheritdoc/>
    public override string ToString() => Approximation switch
    {
        Approximation.Range => $"{Low}-{High}",
        Approximation.About => $"about {Low}",
        Approximation.AtLeast => $"at least {Low}",
        Approximation.AtMost => $"at most {Low}",
        _ => $"{Low}",
    };
}
