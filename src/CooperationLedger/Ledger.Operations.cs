using System.Diagnostics;
using CooperationLedger.Answers;
using CooperationLedger.Appending;
using CooperationLedger.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.Storage;

namespace CooperationLedger;

/// <content>
/// How every public call runs: in a span of its own (<see cref="LedgerTelemetry"/>), a question retried whole through a
/// transient failure of the database (<see cref="RetryPolicy"/>), and a failure that outlasts the retries reported as
/// <see cref="LedgerUnavailableException"/>. Cancellation is reported as cancellation, never retried.
/// </content>
public sealed partial class Ledger
{
    /// <summary>Gets the guard of the ledger's tables, which the health check asks as well.</summary>
    internal SchemaGuard Guard => sessions.Guard;

    /// <summary>Gets where the ledger's database is, for a message that names it without its password.</summary>
    internal DatabaseAddress Address => address.Value;

    /// <summary>Runs a question, which only reads, retrying it whole through transient failures.</summary>
    private async Task<T> QueryAsync<T>(string kind, Func<CancellationToken, Task<T>> question, CancellationToken cancellationToken)
    {
        using var activity = LedgerInstruments.Start(LedgerInstruments.QueryActivity, Tenant, kind);
        try
        {
            return await RetryAsync(question, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            if (Failed(activity, exception) is { } unavailable)
            {
                throw unavailable;
            }

            throw;
        }
    }

    /// <summary>Retries <paramref name="work"/>, which must be safe to run again, through transient failures.</summary>
    private async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        await retry.ExecuteAsync(async token => await work(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Runs an ingest, append or rebuild in <paramref name="activity"/>: the schema checked and prepared first (retried, since it
    /// changes nothing twice), then <paramref name="append"/>, which retries each of its transactions itself.
    /// </summary>
    private async Task<T> WritingAsync<T>(Activity? activity, bool prepare, Func<CancellationToken, Task<T>> append, CancellationToken cancellationToken)
    {
        try
        {
            await RetryAsync(
                async token =>
                {
                    await sessions.Guard.CheckAsync(token).ConfigureAwait(false);
                    if (prepare)
                    {
                        await sessions.Guard.PrepareForWritesAsync(token).ConfigureAwait(false);
                    }

                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            var result = await append(cancellationToken).ConfigureAwait(false);
            if (result is IngestReport report)
            {
                LedgerInstruments.Tag(activity, report.Documents);
                activity?.SetTag(LedgerInstruments.DryRunTag, report.DryRun);
            }

            return result;
        }
        catch (Exception exception)
        {
            if (Failed(activity, exception) is { } unavailable)
            {
                throw unavailable;
            }

            throw;
        }
    }

    /// <summary>
    /// Ends <paramref name="activity"/> as failed, and returns the exception to throw in place of <paramref name="exception"/>
    /// when the database did not answer through the retries; <see langword="null"/> to rethrow it as it is.
    /// </summary>
    private LedgerUnavailableException? Failed(Activity? activity, Exception exception)
    {
        if (exception is FactFileException refused)
        {
            LedgerInstruments.Refused(refused, Tenant);
        }

        var unavailable = exception switch
        {
            OperationCanceledException or LedgerUnavailableException => null,
            _ when RetryPolicy.IsTransient(exception) => address.Value.Unavailable(exception),
            _ when RetryPolicy.IsRefusedConnection(exception) => address.Value.Refused(exception),
            _ => null,
        };
        LedgerInstruments.Failed(activity, unavailable ?? exception);
        return unavailable;
    }
}
