using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CooperationLedger.LocalCluster;

/// <content>
/// The server's life cycle: the lock, initdb, start, stop, status, and clean-up of abandoned temporary clusters.
/// </content>
public sealed partial class LocalPostgresCluster
{
    private const string OwnerFileName = "owner";

    /// <summary>
    /// Gets a value indicating whether the cluster's data folder exists. It appears whole or not at all: it is created
    /// under another name and renamed once <c>initdb</c> and its settings are done, so that a process killed midway
    /// leaves nothing that later runs take for a cluster.
    /// </summary>
    private bool IsCreated => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    private static LocalPostgresCluster OpenPersistent(string rootDirectory, PostgresBinaries binaries, SharedBuffers? sharedBuffers) =>
        new(Path.GetFullPath(rootDirectory), isTemporary: false, binaries, ServerAccount.ForCurrentProcess(), sharedBuffers);

    /// <summary>
    /// Takes the persistent cluster's lock (<see cref="ClusterLock"/>) for one step of its life cycle; a temporary
    /// cluster belongs to this process alone and needs none (<see langword="null"/>). The steps never nest, since a
    /// process that took the lock twice would wait for itself.
    /// </summary>
    private async Task<ClusterLock?> LockAsync(CancellationToken cancellationToken) =>
        IsTemporary ? null : await ClusterLock.AcquireAsync(RootDirectory, ClusterLock.Wait, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Whether <c>create database</c> failed because another connection created that database: with 42P04 when the
    /// other had committed before it began, with a unique violation of <c>pg_database</c>'s name index when the other
    /// committed while it ran (which is what two at once get).
    /// </summary>
    private static bool IsDuplicateDatabase(PostgresException exception) =>
        exception.SqlState == PostgresErrorCodes.DuplicateDatabase
        || (exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == "pg_database_datname_index");

    /// <summary>
    /// Gives the server's account its folders and an empty place to build the data folder in, renamed to
    /// <see cref="DataDirectory"/> once whole.
    /// </summary>
    private async Task<string> PrepareDataAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SocketDirectory);
        await account.TakeOwnershipAsync(RootDirectory, cancellationToken).ConfigureAwait(false);
        await account.TakeOwnershipAsync(SocketDirectory, cancellationToken).ConfigureAwait(false);
        var creating = DataDirectory + ".creating";
        DeleteQuietly(creating);
        return creating;
    }

    private async Task InitializeAsync(bool durable, CancellationToken cancellationToken)
    {
        var creating = await PrepareDataAsync(cancellationToken).ConfigureAwait(false);
        List<string> arguments = ["-D", creating, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--no-locale"];
        if (!durable)
        {
            arguments.Add("--no-sync");
        }

        await account.RunAsync(binaries.InitDb, arguments, cancellationToken).ConfigureAwait(false);

        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine("# Written by CooperationLedger.LocalCluster")
            .AppendLine("listen_addresses = ''")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {Port}")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{SocketDirectory.Replace("'", "''", StringComparison.Ordinal)}'")
            .AppendLine("unix_socket_permissions = 0700")
            .AppendLine("max_connections = 300");
        if (!durable)
        {
            settings
                .AppendLine("fsync = off")
                .AppendLine("synchronous_commit = off")
                .AppendLine("full_page_writes = off")
                .AppendLine("max_wal_size = 1GB");
        }

        await File.AppendAllTextAsync(Path.Combine(creating, ConfigurationFileName), settings.ToString(), cancellationToken).ConfigureAwait(false);
        Directory.Move(creating, DataDirectory);
    }

    /// <summary>Makes a new folder for a temporary cluster, with the file that names this process as its owner.</summary>
    private static async Task<string> NewTemporaryRootAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(TemporaryParent);
        var root = Path.Combine(TemporaryParent, $"{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        Directory.CreateDirectory(root);
        using (var current = Process.GetCurrentProcess())
        {
            await File.WriteAllTextAsync(
                Path.Combine(root, OwnerFileName),
                $"{Environment.ProcessId} {current.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture)}",
                cancellationToken).ConfigureAwait(false);
        }

        return root;
    }

    /// <summary>
    /// Fills this standby's data folder with a base backup of <paramref name="primary"/>, streaming the WAL it needs, and
    /// points its socket at its own folder: the primary's settings come with the backup, and a later line overrides.
    /// Like <see cref="InitializeAsync"/> it appears whole or not at all.
    /// </summary>
    private async Task CopyFromAsync(LocalPostgresCluster primary, CancellationToken cancellationToken)
    {
        var creating = await PrepareDataAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await account.RunAsync(
                binaries.BaseBackup,
                ["-h", primary.SocketDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", SuperUser, "-D", creating, "-R", "-X", "stream", "-c", "fast", "--no-sync"],
                cancellationToken).ConfigureAwait(false);
        }
        catch (CommandFailedException exception)
        {
            throw new PostgresUnavailableException($"A standby of {primary} could not be copied from it.{Environment.NewLine}{exception.Output}", exception);
        }

        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine("# Written by CooperationLedger.LocalCluster for a standby")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{SocketDirectory.Replace("'", "''", StringComparison.Ordinal)}'")
            .AppendLine("hot_standby = on")
            .AppendLine("hot_standby_feedback = on");
        await File.AppendAllTextAsync(Path.Combine(creating, ConfigurationFileName), settings.ToString(), cancellationToken).ConfigureAwait(false);
        Directory.Move(creating, DataDirectory);
    }

    /// <summary>
    /// Writes the server's memory (<see cref="ServerMemory"/>, from the size asked of this instance) into its
    /// configuration before each start, so that a size asked for takes effect at the next start, and a cluster sized by
    /// an earlier version (a quarter of the machine, or PostgreSQL's default before that) gets this version's size. The
    /// settings replace the block written before, where it stands, or come last in <c>postgresql.conf</c> the first
    /// time, so they override <c>initdb</c>'s; a later line of the user's, or <c>ALTER SYSTEM</c>, overrides them.
    /// </summary>
    private async Task SizeMemoryAsync(CancellationToken cancellationToken)
    {
        var configuration = await File.ReadAllTextAsync(ConfigurationFile, cancellationToken).ConfigureAwait(false);
        var sized = ServerMemory.ForThisMachine(sharedBuffers).WriteInto(configuration);
        if (sized != configuration)
        {
            await File.WriteAllTextAsync(ConfigurationFile, sized, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StartUnlockedAsync(CancellationToken cancellationToken)
    {
        if (!await IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            await StartServerAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        await SizeMemoryAsync(cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(SocketDirectory);
        await account.TakeOwnershipAsync(SocketDirectory, cancellationToken).ConfigureAwait(false);
        try
        {
            await account.RunAsync(binaries.PgCtl, ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "120"], cancellationToken)
                .ConfigureAwait(false);
        }
        catch (CommandFailedException exception)
        {
            var log = File.Exists(LogFile) ? string.Join(Environment.NewLine, File.ReadLines(LogFile).TakeLast(20)) : "(no log)";
            throw new PostgresUnavailableException(
                $"The local PostgreSQL cluster in {RootDirectory} did not start.{Environment.NewLine}{exception.Output}{Environment.NewLine}Server log:{Environment.NewLine}{log}",
                exception);
        }
    }

    private Task<string> StopServerAsync(string mode, CancellationToken cancellationToken) =>
        account.RunAsync(binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", mode, "-w", "-t", "60"], cancellationToken);

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        try
        {
            await account.RunAsync(binaries.PgCtl, ["status", "-D", DataDirectory], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CommandFailedException exception) when (exception.ExitCode is 3 or 4)
        {
            return false;
        }
    }

    /// <summary>
    /// Stops and deletes temporary clusters whose owning process has died (a test run killed midway), so that servers
    /// from crashed runs never pile up.
    /// </summary>
    private static async Task RemoveAbandonedClustersAsync(PostgresBinaries binaries, ServerAccount account, CancellationToken cancellationToken)
    {
        foreach (var root in Directory.GetDirectories(TemporaryParent))
        {
            if (IsOwnerAlive(Path.Combine(root, OwnerFileName)))
            {
                continue;
            }

            var abandoned = new LocalPostgresCluster(root, isTemporary: true, binaries, account, sharedBuffers: null);
            var postmasterPid = Path.Combine(abandoned.DataDirectory, "postmaster.pid");
            if (File.Exists(postmasterPid))
            {
                try
                {
                    await abandoned.StopServerAsync("immediate", cancellationToken).ConfigureAwait(false);
                }
                catch (CommandFailedException)
                {
                    KillPostmaster(postmasterPid);
                }
            }

            DeleteQuietly(root);
            if (abandoned.SocketDirectory != Path.Combine(root, "run"))
            {
                DeleteQuietly(abandoned.SocketDirectory);
            }
        }
    }

    private static bool IsOwnerAlive(string ownerFile)
    {
        string[] parts;
        try
        {
            parts = File.ReadAllText(ownerFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return false;
        }

        if (parts.Length != 2
            || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var startTicks))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            var started = process.StartTime.ToUniversalTime().Ticks;
            return !process.HasExited && Math.Abs(started - startTicks) < TimeSpan.TicksPerSecond;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void KillPostmaster(string postmasterPidFile)
    {
        try
        {
            var firstLine = File.ReadLines(postmasterPidFile).FirstOrDefault();
            if (int.TryParse(firstLine, CultureInfo.InvariantCulture, out var pid))
            {
                using var postmaster = Process.GetProcessById(pid);
                postmaster.Kill(entireProcessTree: true);
                postmaster.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// The socket lives in the cluster's own folder when the path fits the kernel's limit for socket names (108 bytes),
    /// else in a short private folder under the temporary folder named after a hash of the cluster's path.
    /// </summary>
    private static string ChooseSocketDirectory(string rootDirectory)
    {
        var inRoot = Path.Combine(rootDirectory, "run");
        if (Path.Combine(inRoot, $".s.PGSQL.{Port}").Length <= MaxSocketPathLength)
        {
            return inRoot;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rootDirectory)))[..16];
        return Path.Combine("/tmp", $"coop-ledger-{hash}");
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A later run removes what is left.
        }
    }
}
