using System.Globalization;

namespace CooperationLedger.Facts;

/// <summary>
/// What a compared figure can mean: the interval of values it allows on its scale, or the direction a claim in words
/// gives. Two figures of one scale agree when their intervals share a value ("at least 300", "200 to 400" and "300"
/// all allow 300), so only figures that cannot both be true dispute; "about" is read as its figure, since it states no
/// bound. A change, by its sign, and a claim in words, by its direction, also say which way a figure went: "rose" and
/// "fell 20%" cannot both be true.
/// </summary>
/// <param name="Low">The least value allowed; <see langword="null"/> for none.</param>
/// <param name="High">The greatest value allowed; <see langword="null"/> for none.</param>
/// <param name="Direction">Which way the figure went, where its scale says and its value is certain of it.</param>
internal readonly record struct FigureSpan(decimal? Low, decimal? High, Direction? Direction)
{
    private const string DirectionMark = "direction";

    /// <summary>Writes a figure as it is compared and stored (<c>AtLeast|300|</c>).</summary>
    public static string Write(Approximation approximation, decimal value, decimal? upperBound) =>
        string.Create(CultureInfo.InvariantCulture, $"{approximation}|{value:0.######}|{upperBound:0.######}");

    /// <summary>Writes a claim in words by its direction (<c>direction|Increase</c>).</summary>
    public static string Write(Direction direction) => $"{DirectionMark}|{direction}";

    /// <summary>
    /// Reads a compared figure on its scale; <see langword="null"/> for a figure kept as text alone (counts and results,
    /// compared by their words), which agrees only with the same text.
    /// </summary>
    /// <param name="scale">The scale, whose last but one part is the kind of figure (<c>metric|PercentChange|percent</c>).</param>
    /// <param name="figure">The figure, as <see cref="Write(Approximation, decimal, decimal?)"/> writes it.</param>
    public static FigureSpan? Read(string scale, string figure)
    {
        var parts = figure.Split('|');
        if (parts.Length == 2 && parts[0] == DirectionMark && Enum.TryParse<Direction>(parts[1], out var said))
        {
            return new FigureSpan(null, null, said);
        }

        if (parts.Length != 3 || !Enum.TryParse<Approximation>(parts[0], out var approximation)
            || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        decimal? upper = decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var bound) ? bound : null;
        var (low, high) = approximation switch
        {
            Approximation.AtLeast => ((decimal?)value, (decimal?)null),
            Approximation.AtMost => (null, value),
            Approximation.Range => (value, upper),
            _ => (value, value),
        };
        var scaleParts = scale.Split('|');
        var isChange = scaleParts.Length >= 2 && scaleParts[^2] is nameof(StatisticKind.PercentChange) or nameof(StatisticKind.AbsoluteChange);
        Direction? direction = !isChange ? null
            : low > 0 ? Facts.Direction.Increase
            : high < 0 ? Facts.Direction.Decrease
            : low == 0 && high == 0 ? Facts.Direction.NoChange
            : null;
        return new FigureSpan(low, high, direction);
    }

    /// <summary>
    /// Gets whether figures of one scale can all be true together: every interval shares a value, claims in words share
    /// a direction, and figures kept as text are the same text.
    /// </summary>
    public static bool Agree(string scale, IEnumerable<string> figures)
    {
        var distinct = figures.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length <= 1)
        {
            return true;
        }

        var spans = distinct.Select(figure => Read(scale, figure)).ToArray();
        if (spans.Any(span => span is null))
        {
            return false;
        }

        var read = spans.Select(span => span!.Value).ToArray();
        if (read.Any(span => span.Low is null && span.High is null))
        {
            return read.Select(span => span.Direction).Distinct().Count() == 1;
        }

        var highestLow = read.Max(span => span.Low ?? decimal.MinValue);
        var lowestHigh = read.Min(span => span.High ?? decimal.MaxValue);
        return highestLow <= lowestHigh;
    }

    /// <summary>Gets which way a figure went, where its scale says and its value is certain of it.</summary>
    public static Direction? DirectionOf(string scale, string figure) => Read(scale, figure)?.Direction;
}
