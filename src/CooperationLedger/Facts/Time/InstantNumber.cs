using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>Instants as the read tables keep and order them: whole microseconds since the Unix epoch, the precision of a PostgreSQL timestamp.</summary>
internal static class InstantNumber
{
    /// <summary>Gets the microsecond an instant falls in, rounding down as Npgsql does when it writes a timestamp.</summary>
    public static long Microseconds(Instant instant) => Math.DivRem(instant.ToUnixTimeTicks(), 10, out var ticks) - (ticks < 0 ? 1 : 0);
}
