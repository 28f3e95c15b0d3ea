using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>
/// A point on the ledger's three time axes: <see cref="Effective"/> (when a thing happened or applies),
/// <see cref="KnownOn"/> (when it was reported: the citation's publication date) and <see cref="RecordedAt"/> (when the
/// ledger appended it). An omitted axis means "now": no limit on that axis.
/// </summary>
/// <remarks>
/// Imprecise dates are compared under <see cref="Rule"/>, <see cref="DateRule.Certainly"/> unless set otherwise: a fact
/// dated "2006" is effective as of 2006-12-31 but not as of 2006-06-30; under <see cref="DateRule.Possibly"/> it is
/// effective from 2006-01-01. The same rule applies to the publication date on the known axis. Recorded instants are
/// exact. This type is an immutable value type and thread-safe.
/// </remarks>
public sealed record AsOf
{
    /// <summary>Gets the as-of value with no limit on any axis: everything the ledger holds now.</summary>
    public static AsOf Now { get; } = new();

    /// <summary>Gets the last day on the effective axis, or <see langword="null"/> for no limit.</summary>
    public LocalDate? Effective { get; init; }

    /// <summary>Gets the last day on the known (publication) axis, or <see langword="null"/> for no limit.</summary>
    public LocalDate? KnownOn { get; init; }

    /// <summary>Gets the last instant on the recorded axis, inclusive, or <see langword="null"/> for no limit.</summary>
    public Instant? RecordedAt { get; init; }

    /// <summary>Gets how imprecise dates are compared with <see cref="Effective"/> and <see cref="KnownOn"/>.</summary>
    public DateRule Rule { get; init; } = DateRule.Certainly;

    /// <summary>Creates an as-of value limited on the effective axis only.</summary>
    /// <param name="effective">The last effective day.</param>
    /// <returns>The as-of value.</returns>
    public static AsOf On(LocalDate effective) => new() { Effective = effective };

    /// <summary>Creates an as-of value limited on the known axis only: what had been published by that day.</summary>
    /// <param name="knownOn">The last publication day.</param>
    /// <returns>The as-of value.</returns>
    public static AsOf Known(LocalDate knownOn) => new() { KnownOn = knownOn };

    /// <summary>Tells whether a fact's effective date falls within this as-of value.</summary>
    /// <param name="effective">The fact's effective date.</param>
    /// <returns><see langword="true"/> when it counts.</returns>
    public bool IncludesEffective(ReportedDate effective) => Effective is not { } day || effective.IsOnOrBefore(day, Rule);

    /// <summary>Tells whether something published on <paramref name="publishedOn"/> was known as of this value.</summary>
    /// <param name="publishedOn">The publication date of the citation.</param>
    /// <returns><see langword="true"/> when it counts.</returns>
    public bool IncludesKnown(ReportedDate publishedOn) => KnownOn is not { } day || publishedOn.IsOnOrBefore(day, Rule);

    /// <summary>Tells whether something recorded at <paramref name="recordedAt"/> was in the ledger as of this value.</summary>
    /// <param name="recordedAt">When the ledger appended it.</param>
    /// <returns><see langword="true"/> when it counts.</returns>
    public bool IncludesRecorded(Instant recordedAt) => RecordedAt is not { } limit || recordedAt <= limit;

    /// <inheritdoc/>
    public override string ToString() =>
        $"effective {Day(Effective)}, known on {Day(KnownOn)}, recorded at {RecordedAt?.ToString() ?? "now"} ({Rule.ToString().ToLowerInvariant()} rule)";

    private static string Day(LocalDate? day) => day?.ToString("uuuu'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture) ?? "now";
}
