using CooperationLedger.Answers;
using Marten;

namespace CooperationLedger.Storage;

/// <summary>Where a store's database is, by host, port and name: what a failure may say of it, without its password.</summary>
internal sealed record DatabaseAddress(string Host, int Port, string Database)
{
    /// <summary>Reads the address from a connection of the store, which is not opened.</summary>
    public static DatabaseAddress Of(IDocumentStore store)
    {
        using var connection = store.Storage.Database.CreateConnection();

        // Read from the connection string, since an unopened connection knows no port; the password is not read.
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString);
        return new DatabaseAddress(settings.Host ?? "localhost", settings.Port, settings.Database ?? settings.Username ?? "(default)");
    }

    /// <summary>Gets the exception that reports the database unavailable after <paramref name="failure"/>.</summary>
    public LedgerUnavailableException Unavailable(Exception failure) => new(Host, Port, Database, Reason(failure), refused: false, failure);

    /// <summary>Gets the exception that reports the database's refusal of the connection, <paramref name="refusal"/>.</summary>
    public LedgerUnavailableException Refused(Exception refusal) => new(Host, Port, Database, Reason(refusal), refused: true, refusal);

    /// <summary>The driver's own sentence, beneath the store's wrappings (which may quote whole statements).</summary>
    public static string Reason(Exception? failure)
    {
        var current = failure;
        while (current?.InnerException is not null && current is not Npgsql.NpgsqlException)
        {
            current = current.InnerException;
        }

        return current?.Message ?? "no reason given";
    }
}
