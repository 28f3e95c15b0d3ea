namespace CooperationLedger.LocalCluster;

/// <summary>
/// The exception thrown when no PostgreSQL server can be had: no binaries to start one, or a cluster that would not start.
/// </summary>
public sealed class PostgresUnavailableException : Exception
{
    /// <summary>Initializes a new instance with a message that says what is missing and how to get it.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public PostgresUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the failure that caused it.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The underlying failure.</param>
    public PostgresUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
