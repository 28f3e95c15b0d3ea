using CooperationLedger.LocalCluster;
using Npgsql;
using Spectre.Console;

namespace CooperationLedger.Cli.Database;

/// <summary>
/// Which database a run uses: <c>--connection</c>, else <c>COOPERATIONLEDGER_CONNECTION</c>, else the embedded default,
/// a persistent local cluster in the user's data folder, created and started when needed.
/// </summary>
internal sealed record DatabaseTarget(string ConnectionString, string Description, string? Password)
{
    public const string ConnectionVariable = "COOPERATIONLEDGER_CONNECTION";
    public const string BinariesVariable = "COOPERATIONLEDGER_POSTGRES_BIN";
    public const string SharedBuffersVariable = "COOPERATIONLEDGER_SHARED_BUFFERS";
    public const string EmbeddedDatabase = "ledger";

    public static async Task<DatabaseTarget> ResolveAsync(string? connection, CliContext context, CancellationToken cancellationToken)
    {
        connection ??= context.Variable(ConnectionVariable);
        if (connection is not null)
        {
            return FromConnectionString(connection);
        }

        // A size that cannot be read is refused before anything is made in the data folder.
        _ = AskedSharedBuffers(context);
        var root = ClusterRoot(context);
        var state = await LocalPostgresCluster.GetStateAsync(root, Binaries(context), cancellationToken).ConfigureAwait(false);
        if (state != LocalClusterState.Running)
        {
            context.ErrorConsole.MarkupLineInterpolated($"[grey]{(state == LocalClusterState.NotCreated ? "Creating" : "Starting")} the embedded PostgreSQL cluster in {root}[/]");
        }

        var connectionString = await StartEmbeddedAsync(context, cancellationToken).ConfigureAwait(false);
        return new DatabaseTarget(connectionString, $"the embedded cluster in {root} (database '{EmbeddedDatabase}')", null);
    }

    /// <summary>
    /// Creates the embedded cluster when needed, starts it when it is stopped (with the buffers that
    /// <c>COOPERATIONLEDGER_SHARED_BUFFERS</c> asks for, else the default), and creates its database; returns a
    /// connection string to that database.
    /// </summary>
    public static async Task<string> StartEmbeddedAsync(CliContext context, CancellationToken cancellationToken)
    {
        var sharedBuffers = AskedSharedBuffers(context);
        var cluster = await LocalPostgresCluster.StartPersistentAsync(ClusterRoot(context), Binaries(context), sharedBuffers, cancellationToken).ConfigureAwait(false);
        return await cluster.EnsureDatabaseAsync(EmbeddedDatabase, cancellationToken).ConfigureAwait(false);
    }

    public static PostgresBinaries Binaries(CliContext context) => PostgresBinaries.Locate(context.Variable(BinariesVariable));

    /// <summary>Reads <c>COOPERATIONLEDGER_SHARED_BUFFERS</c> (such as <c>512MB</c> or <c>1GB</c>); a value it cannot read is a usage error.</summary>
    public static SharedBuffers? AskedSharedBuffers(CliContext context)
    {
        var text = context.Variable(SharedBuffersVariable);
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : SharedBuffers.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new CliUsageException($"{SharedBuffersVariable}: {exception.Message}");
        }
    }

    public static DatabaseTarget FromConnectionString(string connection)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connection);
        }
        catch (Exception exception) when (exception is ArgumentException or KeyNotFoundException or FormatException)
        {
            throw new CliUsageException("The connection string cannot be parsed (write it as Host=...;Database=...;Username=...).");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new CliUsageException("The connection string names no server: give it a Host (Host=...;Database=...;Username=...).");
        }

        var description = $"database '{builder.Database ?? builder.Username ?? "(default)"}' on {builder.Host ?? "localhost"}:{builder.Port}" +
            (builder.Username is null ? string.Empty : $" as '{builder.Username}'");
        return new DatabaseTarget(connection, description, builder.Password);
    }

    /// <summary>Gets the embedded cluster's folder: <c>$XDG_DATA_HOME/cooperation-ledger/cluster</c>, else under <c>~/.local/share</c>.</summary>
    public static string ClusterRoot(CliContext context) => Path.Combine(DataFolder(context), "cluster");

    public static string DataFolder(CliContext context)
    {
        var dataHome = context.Variable("XDG_DATA_HOME")
            ?? Path.Combine(context.Variable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "cooperation-ledger");
    }

    /// <summary>Removes the password from text that may quote the connection string.</summary>
    public string Redact(string text) => string.IsNullOrEmpty(Password) ? text : text.Replace(Password, "***", StringComparison.Ordinal);
}
