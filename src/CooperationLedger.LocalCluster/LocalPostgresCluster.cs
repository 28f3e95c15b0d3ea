using System.Text.RegularExpressions;
using Npgsql;

namespace CooperationLedger.LocalCluster;

/// <summary>
/// A PostgreSQL cluster that this process creates from the machine's server programs and reaches through a unix socket
/// in a private folder: either temporary (tests; deleted when disposed) or persistent (the command-line tool's embedded
/// default; kept running between uses).
/// </summary>
/// <remarks>
/// The server listens on no TCP address. When this process runs as root, the server runs as an unprivileged account
/// (<c>postgres</c>, else <c>nobody</c>), since PostgreSQL refuses root. Instances are thread-safe. Processes that use
/// one persistent cluster at once take turns to create, start, stop, inspect it and create its databases, under an
/// operating-system lock on the file <c>ROOT.lock</c> beside its folder: the kernel releases it when its holder dies,
/// and a process waits for it at most five minutes.
/// </remarks>
public sealed partial class LocalPostgresCluster : IAsyncDisposable
{
    /// <summary>The superuser that <c>initdb</c> creates; local socket connections are trusted.</summary>
    public const string SuperUser = "ledger";

    private const int Port = 5432;
    private const int MaxSocketPathLength = 100;
    private const string ConfigurationFileName = "postgresql.conf";

    private static readonly string TemporaryParent = Path.Combine(Path.GetTempPath(), "cooperation-ledger-clusters");

    private readonly PostgresBinaries binaries;
    private readonly ServerAccount account;
    private readonly SharedBuffers? sharedBuffers;

    private LocalPostgresCluster(string rootDirectory, bool isTemporary, PostgresBinaries binaries, ServerAccount account, SharedBuffers? sharedBuffers)
    {
        RootDirectory = rootDirectory;
        IsTemporary = isTemporary;
        this.binaries = binaries;
        this.account = account;
        this.sharedBuffers = sharedBuffers;
        SocketDirectory = ChooseSocketDirectory(rootDirectory);
    }

    /// <summary>Gets the folder that holds the cluster: its <c>data</c> folder, its log and its socket.</summary>
    public string RootDirectory { get; }

    /// <summary>Gets the folder of the server's data files (PGDATA).</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>Gets the folder where the server puts its unix socket.</summary>
    public string SocketDirectory { get; }

    /// <summary>Gets the server's configuration file.</summary>
    private string ConfigurationFile => Path.Combine(DataDirectory, ConfigurationFileName);

    /// <summary>Gets the server's log file.</summary>
    public string LogFile => Path.Combine(RootDirectory, "server.log");

    /// <summary>Gets a value indicating whether disposing this instance stops the server and deletes its files.</summary>
    public bool IsTemporary { get; }

    /// <summary>Gets a connection string to the <c>postgres</c> maintenance database as the superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    /// <summary>
    /// Creates and starts a throwaway cluster in the temporary folder, tuned for tests (no fsync, no synchronous commit).
    /// Clusters left behind by processes that have died are stopped and deleted first.
    /// </summary>
    /// <param name="binaries">The server programs to use; <see langword="null"/> to locate them.</param>
    /// <param name="sharedBuffers">The server's page cache; <see langword="null"/> for <see cref="SharedBuffers.Default"/>.
    /// At most a quarter of the machine's memory is given, whatever is asked.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running cluster; dispose it to stop and delete it.</returns>
    /// <exception cref="PostgresUnavailableException">No server programs were found, or the server did not start.</exception>
    public static async Task<LocalPostgresCluster> StartTemporaryAsync(
        PostgresBinaries? binaries = null,
        SharedBuffers? sharedBuffers = null,
        CancellationToken cancellationToken = default)
    {
        binaries ??= PostgresBinaries.Locate();
        var account = ServerAccount.ForCurrentProcess();
        Directory.CreateDirectory(TemporaryParent);
        await RemoveAbandonedClustersAsync(binaries, account, cancellationToken).ConfigureAwait(false);

        var root = await NewTemporaryRootAsync(cancellationToken).ConfigureAwait(false);
        var cluster = new LocalPostgresCluster(root, isTemporary: true, binaries, account, sharedBuffers);
        try
        {
            await cluster.InitializeAsync(durable: false, cancellationToken).ConfigureAwait(false);
            await cluster.StartServerAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Creates and starts a streaming standby of this cluster, itself a throwaway cluster: a base backup of the running
    /// server taken over its socket (<c>pg_basebackup -R</c>, which writes the standby's connection to its primary), its
    /// own socket, and read-only queries while it replays (hot standby). Dispose it to stop and delete it; the primary
    /// is not changed. Stopping the primary leaves the standby running, waiting for it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running standby.</returns>
    /// <exception cref="PostgresUnavailableException">The backup failed, or the standby did not start.</exception>
    public async Task<LocalPostgresCluster> StartStandbyAsync(CancellationToken cancellationToken = default)
    {
        var root = await NewTemporaryRootAsync(cancellationToken).ConfigureAwait(false);
        var standby = new LocalPostgresCluster(root, isTemporary: true, binaries, account, sharedBuffers) { IsStandby = true };
        try
        {
            await standby.CopyFromAsync(this, cancellationToken).ConfigureAwait(false);
            await standby.StartServerAsync(cancellationToken).ConfigureAwait(false);
            return standby;
        }
        catch
        {
            await standby.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Gets a value indicating whether this cluster is a standby of another (<see cref="StartStandbyAsync"/>): it takes only reads.</summary>
    public bool IsStandby { get; private init; }

    /// <summary>
    /// Opens the durable cluster kept in <paramref name="rootDirectory"/>: creates it on first use, starts it when it is
    /// not running, and reuses it when it is.
    /// </summary>
    /// <param name="rootDirectory">The folder that holds (or will hold) the cluster.</param>
    /// <param name="binaries">The server programs to use; <see langword="null"/> to locate them.</param>
    /// <param name="sharedBuffers">The server's page cache; <see langword="null"/> for <see cref="SharedBuffers.Default"/>.
    /// At most a quarter of the machine's memory is given, whatever is asked. It is written into the cluster's
    /// configuration when this call starts the server, so a server that already runs keeps the size it started with.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running cluster; disposing it leaves the server running.</returns>
    /// <exception cref="PostgresUnavailableException">No server programs were found, or the server did not start.</exception>
    public static async Task<LocalPostgresCluster> StartPersistentAsync(
        string rootDirectory,
        PostgresBinaries? binaries = null,
        SharedBuffers? sharedBuffers = null,
        CancellationToken cancellationToken = default)
    {
        var cluster = OpenPersistent(rootDirectory, binaries ?? PostgresBinaries.Locate(), sharedBuffers);
        using (await cluster.LockAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!cluster.IsCreated)
            {
                Directory.CreateDirectory(cluster.RootDirectory);
                await cluster.account.MakeTraversableAsync(cluster.RootDirectory, cancellationToken).ConfigureAwait(false);
                await cluster.InitializeAsync(durable: true, cancellationToken).ConfigureAwait(false);
            }

            await cluster.StartUnlockedAsync(cancellationToken).ConfigureAwait(false);
        }

        return cluster;
    }

    /// <summary>Describes the durable cluster in <paramref name="rootDirectory"/> without starting or creating it.</summary>
    /// <param name="rootDirectory">The folder that holds the cluster.</param>
    /// <param name="binaries">The server programs to use; <see langword="null"/> to locate them.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether the cluster exists and whether its server runs.</returns>
    public static async Task<LocalClusterState> GetStateAsync(string rootDirectory, PostgresBinaries? binaries = null, CancellationToken cancellationToken = default)
    {
        var cluster = OpenPersistent(rootDirectory, binaries ?? PostgresBinaries.Locate(), sharedBuffers: null);
        using (await cluster.LockAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!cluster.IsCreated)
            {
                return LocalClusterState.NotCreated;
            }

            return await cluster.IsRunningAsync(cancellationToken).ConfigureAwait(false) ? LocalClusterState.Running : LocalClusterState.Stopped;
        }
    }

    /// <summary>Stops the durable cluster in <paramref name="rootDirectory"/> when it runs.</summary>
    /// <param name="rootDirectory">The folder that holds the cluster.</param>
    /// <param name="binaries">The server programs to use; <see langword="null"/> to locate them.</param>
    /// <param name="cancellationToken">Cancels the stop.</param>
    /// <returns><see langword="true"/> when a running server was stopped.</returns>
    public static async Task<bool> StopPersistentAsync(string rootDirectory, PostgresBinaries? binaries = null, CancellationToken cancellationToken = default)
    {
        var cluster = OpenPersistent(rootDirectory, binaries ?? PostgresBinaries.Locate(), sharedBuffers: null);
        using (await cluster.LockAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!cluster.IsCreated || !await cluster.IsRunningAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await cluster.StopServerAsync("fast", cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Gets a connection string to one database of this cluster as the superuser.</summary>
    /// <param name="database">The database name.</param>
    /// <returns>The connection string.</returns>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = SocketDirectory,
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Creates a database when it does not exist yet. A database that another connection creates at the same time counts
    /// as existing.
    /// </summary>
    /// <param name="database">A plain identifier: letters, digits and underscores, starting with a letter or underscore.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A connection string to that database.</returns>
    /// <exception cref="ArgumentException"><paramref name="database"/> is not a plain identifier.</exception>
    public async Task<string> EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        if (!PlainIdentifier().IsMatch(database))
        {
            throw new ArgumentException($"'{database}' is not a plain identifier (letters, digits, underscores; at most 63).", nameof(database));
        }

        using (await LockAsync(cancellationToken).ConfigureAwait(false))
        {
            // A stop by another process may have come between this cluster's start and this call: under the lock the
            // server is started again if so, so that a start and its database are had together.
            await StartUnlockedAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
            {
                Parameters = { new() { Value = database } },
            };
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                await using var create = new NpgsqlCommand($"create database \"{database}\"", connection);
                try
                {
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException exception) when (IsDuplicateDatabase(exception))
                {
                    // Created by another connection since the check: what was asked for exists.
                }
            }
        }

        return ConnectionStringFor(database);
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>; does nothing when it runs.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the server accepts connections.</returns>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        using (await LockAsync(cancellationToken).ConfigureAwait(false))
        {
            await StartUnlockedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server (fast shutdown: open sessions are ended, committed work is kept).</summary>
    /// <param name="cancellationToken">Cancels the stop.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        using (await LockAsync(cancellationToken).ConfigureAwait(false))
        {
            await StopServerAsync("fast", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>For a temporary cluster, stops the server at once and deletes its files; for a durable one, does nothing.</summary>
    /// <returns>A task that completes when the cluster is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!IsTemporary)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopServerAsync("immediate", CancellationToken.None).ConfigureAwait(false);
        }
        catch (CommandFailedException)
        {
            // Not running (it never started, or was stopped already): nothing to stop.
        }

        DeleteQuietly(RootDirectory);
        if (SocketDirectory != Path.Combine(RootDirectory, "run"))
        {
            DeleteQuietly(SocketDirectory);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"PostgreSQL cluster in {RootDirectory} (socket {SocketDirectory})";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
