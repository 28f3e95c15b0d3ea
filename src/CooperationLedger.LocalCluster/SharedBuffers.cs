using System.Globalization;
using System.Text.RegularExpressions;

namespace CooperationLedger.LocalCluster;

/// <summary>
/// The memory asked for a local cluster's own page cache (PostgreSQL's <c>shared_buffers</c>): a whole number of
/// megabytes, at least one.
/// </summary>
/// <remarks>
/// This is what is asked, not what the server gets: a cluster never takes more than a quarter of the machine's memory,
/// and a larger size is cut to that when the server starts. This type is immutable and thread-safe.
/// </remarks>
public sealed partial record SharedBuffers
{
    private SharedBuffers(long megabytes) => Megabytes = megabytes;

    /// <summary>
    /// Gets the size a cluster gets when none is asked for, 256 MB: twice PostgreSQL's own default, and a small share of
    /// a desktop's memory (see <see cref="ServerMemory"/> for why the server should not take more unasked).
    /// </summary>
    public static SharedBuffers Default { get; } = new(256);

    /// <summary>Gets the size in megabytes.</summary>
    public long Megabytes { get; }

    /// <summary>Gets the size of <paramref name="megabytes"/> megabytes.</summary>
    /// <param name="megabytes">At least 1.</param>
    /// <returns>The size.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="megabytes"/> is less than 1.</exception>
    public static SharedBuffers FromMegabytes(long megabytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(megabytes);
        return new SharedBuffers(megabytes);
    }

    /// <summary>Reads a size written as PostgreSQL writes one in megabytes or gigabytes: <c>512MB</c>, <c>1GB</c>.</summary>
    /// <param name="text">A whole number of at least 1 followed by <c>MB</c> or <c>GB</c> (any case, spaces allowed).</param>
    /// <returns>The size.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not such a size; the message says what is expected.</exception>
    public static SharedBuffers Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Written().Match(text);
        if (match.Success
            && long.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number > 0)
        {
            var perUnit = match.Groups["unit"].Value.Equals("GB", StringComparison.OrdinalIgnoreCase) ? 1024 : 1;
            if (number <= long.MaxValue / perUnit)
            {
                return new SharedBuffers(number * perUnit);
            }
        }

        throw new FormatException($"'{text}' is not a size for the server's buffers: write a whole number of at least 1 with MB or GB, such as 512MB or 1GB.");
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Megabytes}MB");

    [GeneratedRegex(@"^\s*(?<number>[0-9]+)\s*(?<unit>[MG]B)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Written();
}
