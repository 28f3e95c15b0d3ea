using System.Globalization;

namespace CooperationLedger.LocalCluster;

/// <summary>
/// How much memory a local cluster's server keeps for its own page cache (<c>shared_buffers</c>) and how much the
/// planner may assume is cached in all (<c>effective_cache_size</c>): the buffers asked for (<see cref="SharedBuffers"/>,
/// 256 MB unless asked otherwise) but never more than a quarter of the machine's memory, and half the machine's memory as
/// the planner's estimate.
/// </summary>
/// <remarks>
/// The buffers are a desktop's size by default because the server outlives the commands that use it: it is left running
/// between runs, and the memory its buffers have filled stays held from the rest of the machine until it stops, whereas
/// the operating system's own cache gives its memory back when programs need it. A page that is not in the buffers is
/// still read from the operating system's cache when it is there, so a large ledger (a million facts take about 6 GB)
/// gains from larger buffers only on pages the operating system has not kept; whoever runs one may ask for more (<see
/// cref="SharedBuffers"/>). A quarter of the machine is what PostgreSQL's manual gives a server that has the machine to
/// itself, since the server relies on the operating system's cache as well; it caps whatever is asked. The planner's
/// estimate reserves nothing, so it is half the machine: what the buffers and the operating system's cache together can
/// hold on a machine that also runs other programs.
/// </remarks>
internal sealed record ServerMemory(long SharedBuffersMegabytes, long EffectiveCacheSizeMegabytes)
{
    /// <summary>The comment that heads these settings in <c>postgresql.conf</c>; a start rewrites the lines after it when the size changes.</summary>
    public const string Marker = "# Server memory, set by CooperationLedger.LocalCluster at each start (override it in a later line)";

    /// <summary>The comment that headed them in clusters created by earlier versions, which sized the buffers to the machine.</summary>
    public const string EarlierMarker = "# Memory sized to the machine by CooperationLedger.LocalCluster";

    private const long Megabyte = 1024 * 1024;

    private static readonly string[] SettingNames = ["shared_buffers", "effective_cache_size"];

    /// <summary>Gets the sizes for the memory available to this process (the machine's, or its container's).</summary>
    /// <param name="asked">The buffers asked for; <see langword="null"/> for <see cref="SharedBuffers.Default"/>.</param>
    public static ServerMemory ForThisMachine(SharedBuffers? asked) => For(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, asked);

    /// <summary>Gets the sizes for a machine with <paramref name="totalBytes"/> of memory.</summary>
    /// <param name="totalBytes">The machine's (or container's) memory, in bytes.</param>
    /// <param name="asked">The buffers asked for; <see langword="null"/> for <see cref="SharedBuffers.Default"/>.</param>
    public static ServerMemory For(long totalBytes, SharedBuffers? asked)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalBytes);
        var total = totalBytes / Megabyte;
        var sharedBuffers = Math.Min((asked ?? SharedBuffers.Default).Megabytes, Math.Max(total / 4, 1));
        return new ServerMemory(sharedBuffers, Math.Max(total / 2, sharedBuffers));
    }

    /// <summary>Gets the lines of <c>postgresql.conf</c> that set these sizes, after their <see cref="Marker"/>.</summary>
    public string ToConfiguration() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Marker}\nshared_buffers = {SharedBuffersMegabytes}MB\neffective_cache_size = {EffectiveCacheSizeMegabytes}MB\n");

    /// <summary>
    /// Gets <paramref name="configuration"/> (the text of <c>postgresql.conf</c>) with these settings in it: in place of
    /// the block this library wrote before (under <see cref="Marker"/> or <see cref="EarlierMarker"/>), so that the
    /// user's own later lines still override them, or at the end when there is none.
    /// </summary>
    public string WriteInto(string configuration)
    {
        var lines = configuration.Split('\n').ToList();
        var start = lines.FindIndex(line => line.TrimEnd() is Marker or EarlierMarker);
        if (start < 0)
        {
            return configuration + (configuration.EndsWith('\n') ? "\n" : "\n\n") + ToConfiguration();
        }

        var end = start + 1;
        while (end < lines.Count && SettingNames.Any(name => lines[end].StartsWith(name + " =", StringComparison.Ordinal)))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        lines.Insert(start, ToConfiguration().TrimEnd('\n'));
        return string.Join('\n', lines);
    }
}
