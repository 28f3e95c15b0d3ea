using System.Diagnostics;

namespace CooperationLedger.Benchmarks;

/// <summary>
/// Samples this process's working set every 50 ms while it runs, after a compacting collection, so that the peak it
/// reports belongs to the work it watched rather than to what ran before.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer timer;
    private long peak;

    public MemorySampler()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        peak = Current();
        StartBytes = peak;
        timer = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Current())), null, 0, 50);
    }

    /// <summary>Gets the working set when sampling began, after the collection.</summary>
    public long StartBytes { get; }

    /// <summary>Gets the managed heap after the collection, for comparison with the working set.</summary>
    public long StartHeapBytes { get; } = GC.GetTotalMemory(forceFullCollection: false);

    public long PeakBytes => Math.Max(Interlocked.Read(ref peak), Current());

    public void Dispose() => timer.Dispose();

    private static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
