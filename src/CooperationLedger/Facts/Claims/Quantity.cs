using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>A count as a source gives it: one number, or a range from low to high ("dozens" kept conservatively).</summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed record Quantity
{
    /// <summary>Initializes a count.</summary>
    /// <param name="low">The count, or the low end of a range; zero or more.</param>
    /// <param name="high">The high end of a range, above <paramref name="low"/>; <see langword="null"/> for an exact count.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is negative, absurd, or the range is empty.</exception>
    [JsonConstructor]
    public Quantity(int low, int? high = null)
    {
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
    }

    /// <summary>Gets the count, or the low end of a range.</summary>
    public int Low { get; }

    /// <summary>Gets the high end of a range, or <see langword="null"/> for an exact count.</summary>
    public int? High { get; }

    /// <summary>Creates an exact count.</summary>
    /// <param name="count">The count.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Exactly(int count) => new(count);

    /// <inheritdoc/>
    public override string ToString() => High is { } high ? $"{Low}-{high}" : $"{Low}";
}
