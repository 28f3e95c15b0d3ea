namespace CooperationLedger.Hosting;

/// <summary>
/// The ledger's database did not answer (the server is down, restarting, or out of reach) through the ledger's bounded
/// retries of a transient failure; the call did nothing that it did not finish whole. The message names the database by
/// host, port and name, never by its password; the failure of the last attempt is the inner exception.
/// </summary>
public sealed class LedgerUnavailableException : Exception
{
    /// <summary>Initializes the exception for the database at <paramref name="host"/>, <paramref name="port"/>, <paramref name="database"/>.</summary>
    /// <param name="host">The server's host, as the connection names it.</param>
    /// <param name="port">The server's port.</param>
    /// <param name="database">The database's name.</param>
    /// <param name="innerException">The failure of the last attempt.</param>
    public LedgerUnavailableException(string host, int port, string database, Exception innerException)
        : base($"The database is unavailable: database '{database}' on {host}:{port} did not answer after retries ({Reason(innerException)}).", innerException)
    {
        Host = host;
        Port = port;
        Database = database;
    }

    /// <summary>Gets the server's host, as the connection names it.</summary>
    public string Host { get; }

    /// <summary>Gets the server's port.</summary>
    public int Port { get; }

    /// <summary>Gets the database's name.</summary>
    public string Database { get; }

    /// <summary>The driver's own sentence, beneath the store's wrappings (which may quote whole statements).</summary>
    internal static string Reason(Exception? failure)
    {
        var current = failure;
        while (current?.InnerException is not null && current is not Npgsql.NpgsqlException)
        {
            current = current.InnerException;
        }

        return current?.Message ?? "no reason given";
    }
}
