using System.Globalization;

namespace CooperationLedger.LocalCluster;

/// <summary>
/// How much memory a local cluster's server may use for its own page cache (<c>shared_buffers</c>) and how much the
/// planner may assume the operating system caches (<c>effective_cache_size</c>), from the memory this machine (or the
/// container it runs in) has, as PostgreSQL's manual advises: a quarter of it for the buffers, three quarters as the
/// planner's estimate.
/// </summary>
/// <remarks>
/// PostgreSQL's default buffers, 128 MB, are sized to start anywhere, not to serve a ledger of a million facts (about
/// 6 GB on disk): the server cannot keep what its questions read, and a page the operating system has not kept in its
/// own cache is read from the disk (measured on this project's machine at a million facts, on a question's first run
/// after a restart: 0.1 ms a page, nine tenths of that question's time). With buffers sized to the machine, a page read
/// once stays in the server's memory. They are shared memory the server touches only as it reads pages, so a small
/// ledger costs no more than before. They are capped at 8 GB, beyond which the manual expects no gain, and never set
/// below PostgreSQL's own default.
/// </remarks>
internal sealed record ServerMemory(long SharedBuffersMegabytes, long EffectiveCacheSizeMegabytes)
{
    /// <summary>The comment that heads these settings in <c>postgresql.conf</c>, and says the cluster has them.</summary>
    public const string Marker = "# Memory sized to the machine by CooperationLedger.LocalCluster";

    private const long Megabyte = 1024 * 1024;
    private const long DefaultSharedBuffersMegabytes = 128;
    private const long MaxSharedBuffersMegabytes = 8 * 1024;
    private const long DefaultEffectiveCacheSizeMegabytes = 4 * 1024;

    /// <summary>Gets the sizes for the memory available to this process.</summary>
    public static ServerMemory ForThisMachine() => For(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>Gets the sizes for a machine with <paramref name="totalBytes"/> of memory.</summary>
    /// <param name="totalBytes">The machine's (or container's) memory, in bytes.</param>
    public static ServerMemory For(long totalBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalBytes);
        var total = totalBytes / Megabyte;
        return new ServerMemory(
            Math.Clamp(total / 4, DefaultSharedBuffersMegabytes, MaxSharedBuffersMegabytes),
            Math.Max(total / 4 * 3, DefaultEffectiveCacheSizeMegabytes));
    }

    /// <summary>Gets the lines of <c>postgresql.conf</c> that set these sizes.</summary>
    public string ToConfiguration() => string.Create(
        CultureInfo.InvariantCulture,
        $"shared_buffers = {SharedBuffersMegabytes}MB\neffective_cache_size = {EffectiveCacheSizeMegabytes}MB\n");
}
