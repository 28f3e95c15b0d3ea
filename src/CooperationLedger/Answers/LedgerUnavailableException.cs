namespace CooperationLedger.Answers;

/// <summary>
/// The ledger's database did not answer (the server is down, restarting, or out of reach) through the ledger's bounded
/// retries of a transient failure, or refused the connection (the database does not exist, the login was refused),
/// which no retry mends; the call did nothing that it did not finish whole. The message names the database by host,
/// port and name, never by its password; the failure of the last attempt is the inner exception.
/// </summary>
public sealed class LedgerUnavailableException : Exception
{
    /// <summary>Initializes the exception for the database at <paramref name="host"/>, <paramref name="port"/>, <paramref name="database"/>.</summary>
    /// <param name="host">The server's host, as the connection names it.</param>
    /// <param name="port">The server's port.</param>
    /// <param name="database">The database's name.</param>
    /// <param name="innerException">The failure of the last attempt.</param>
    public LedgerUnavailableException(string host, int port, string database, Exception innerException)
        : this(host, port, database, Innermost(innerException).Message, refused: false, innerException)
    {
    }

    /// <summary>Initializes the exception with the driver's own <paramref name="reason"/>, for a database that did not answer or that refused.</summary>
    internal LedgerUnavailableException(string host, int port, string database, string reason, bool refused, Exception innerException)
        : base(
            refused
                ? $"The database refused the connection: database '{database}' on {host}:{port} ({reason}); check the connection string's database, user and password."
                : $"The database is unavailable: database '{database}' on {host}:{port} did not answer after retries ({reason}).",
            innerException)
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

    private static Exception Innermost(Exception? failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        while (failure.InnerException is not null)
        {
            failure = failure.InnerException;
        }

        return failure;
    }
}
