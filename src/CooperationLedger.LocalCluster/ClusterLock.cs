namespace CooperationLedger.LocalCluster;

/// <summary>
/// An exclusive lock on a persistent cluster, held while a process creates, starts, stops or inspects it, so that
/// commands started at once take turns: the first creates and starts the cluster, the others wait and find it running.
/// </summary>
/// <remarks>
/// The lock is the operating system's lock on an open file (<see cref="FileShare.None"/>, which .NET takes with
/// <c>flock</c> on Linux and macOS), not the file's existence: the kernel releases it when its holder exits or is
/// killed, so a dead process never blocks the next one, and the file itself is left in place. Waiting is bounded by
/// <see cref="Wait"/>, longer than the slowest holder (a server start that <c>pg_ctl</c> gives 120 s), after which the
/// wait fails with a message naming the file. The lock is per open file, so two holders in one process exclude each
/// other too: never take it while holding it.
/// </remarks>
internal sealed class ClusterLock : IDisposable
{
    /// <summary>How long a process waits for the lock before it gives up.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(5);

    private const int WindowsSharingViolation = unchecked((int)0x80070020);

    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream file;

    private ClusterLock(FileStream file) => this.file = file;

    /// <summary>Gets the lock file of the cluster in <paramref name="rootDirectory"/>: beside that folder, not in it.</summary>
    public static string PathFor(string rootDirectory) => Path.TrimEndingDirectorySeparator(rootDirectory) + ".lock";

    /// <summary>Takes the lock of the cluster in <paramref name="rootDirectory"/>, waiting while another process holds it.</summary>
    /// <param name="rootDirectory">The cluster's folder.</param>
    /// <param name="wait">How long to wait at most: <see cref="Wait"/>, or less in tests.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="PostgresUnavailableException">Another process held the lock for longer than <paramref name="wait"/>.</exception>
    public static async Task<ClusterLock> AcquireAsync(string rootDirectory, TimeSpan wait, CancellationToken cancellationToken)
    {
        var path = PathFor(rootDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new ClusterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException exception) when (IsHeldElsewhere(exception))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new PostgresUnavailableException(
                        $"Another process has held the lock of the local PostgreSQL cluster ({path}) for {wait.TotalSeconds:0} s; " +
                        "try again once it has finished.",
                        exception);
                }

                await Task.Delay(RetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => file.Dispose();

    /// <summary>
    /// Whether opening failed because another open file holds the lock, rather than for a reason that waiting does not
    /// cure: .NET reports a lock held elsewhere with the error code itself, <c>EWOULDBLOCK</c> on Unix (11 on Linux, 35
    /// on macOS) and a sharing violation on Windows.
    /// </summary>
    private static bool IsHeldElsewhere(IOException exception) =>
        exception.HResult == (OperatingSystem.IsWindows() ? WindowsSharingViolation : OperatingSystem.IsMacOS() ? 35 : 11);
}
