using CooperationLedger.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CooperationLedger.Hosting;

/// <summary>
/// Whether a ledger can be used now: its database answers, and holds every table of the ledger laid out for the store's
/// tenancy. Healthy; degraded when tables are missing (the schema has not been migrated, <see cref="Ledger.MigrateAsync"/>)
/// or are laid out for the other tenancy, each named; or the registration's failure status (unhealthy unless it says
/// otherwise) when the database does not answer. Every description names the database by host, port and name, never
/// its password. It asks the database each time, without the retries of the ledger's calls.
/// </summary>
internal sealed class LedgerHealthCheck(Ledger ledger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = ledger.Address;
        var where = $"database '{address.Database}' on {address.Host}:{address.Port}";
        var schema = ledger.Store.Options.DatabaseSchemaName;
        IReadOnlyList<(string Table, bool Tenanted)> found;
        try
        {
            found = await ledger.Guard.FindTablesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's own sentence is the driver's (a refused connection, a timeout), which holds no password.
            return new HealthCheckResult(context.Registration.FailureStatus, $"The ledger's {where} does not answer: {DatabaseAddress.Reason(exception)}", exception);
        }

        var missing = ledger.Guard.ExpectedTables.Except(found.Select(table => table.Table), StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            return HealthCheckResult.Degraded(
                $"The ledger's {where} answers, but {missing.Length} of its {ledger.Guard.ExpectedTables.Count} tables in schema '{schema}' are missing: {string.Join(", ", missing)}. Migrate the schema (Ledger.MigrateAsync).");
        }

        if (ledger.Guard.TenancyMismatch(found) is { } mismatch)
        {
            return HealthCheckResult.Degraded($"The ledger's {where} answers, but its tables are laid out for the other tenancy. {mismatch.Message}");
        }

        return HealthCheckResult.Healthy($"The ledger's {where} answers, with its {found.Count} tables in schema '{schema}' laid out for the store's tenancy.");
    }

}
