using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>Lets Marten stamp events (the recorded axis) from the ledger's injected NodaTime clock.</summary>
internal sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}
