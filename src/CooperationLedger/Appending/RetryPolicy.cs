using CooperationLedger.Answers;
using JasperFx;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CooperationLedger.Appending;

/// <summary>
/// The ledger's one retry policy, for every question and every transaction it writes. A transient database failure (a
/// dropped connection, a server restarting) is retried three times, after 0.5, 1 and 2 seconds, each logged; then the
/// failure is reported. A write that lost a race with another writer (<see cref="IsConcurrentWrite"/>) is retried at
/// once, up to four times, since the next attempt plans against what the other writer committed. Appends are idempotent,
/// so a retried document whose first attempt did commit appends nothing the second time, and a question only reads. A
/// call cancelled is not retried, nor one that already gave up (<see cref="LedgerUnavailableException"/>).
/// </summary>
internal static partial class RetryPolicy
{
    private const int TransientRetries = 3;
    public const int ConcurrentWriteRetries = 4;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    public static ResiliencePipeline Create(ILogger logger) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            // A cancelled call is over, not failed: cancellation is never retried, whatever the store wrapped it in.
            ShouldHandle = arguments => ValueTask.FromResult(
                !arguments.Context.CancellationToken.IsCancellationRequested
                && arguments.Outcome.Exception is { } exception and not OperationCanceledException and not LedgerUnavailableException
                && ((IsTransient(exception) && arguments.AttemptNumber < TransientRetries)
                    || (IsConcurrentWrite(exception) && arguments.AttemptNumber < ConcurrentWriteRetries))),
            MaxRetryAttempts = Math.Max(TransientRetries, ConcurrentWriteRetries),
            DelayGenerator = arguments => ValueTask.FromResult<TimeSpan?>(
                arguments.Outcome.Exception is { } exception && IsTransient(exception) ? FirstDelay * Math.Pow(2, arguments.AttemptNumber) : TimeSpan.Zero),
            OnRetry = arguments =>
            {
                if (arguments.Outcome.Exception is { } exception && IsTransient(exception))
                {
                    LogRetry(logger, arguments.AttemptNumber + 1, arguments.RetryDelay.TotalSeconds, exception.Message);
                }

                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <summary>
    /// A write that another writer got to first, however the store wrapped it: a stream started or appended to meanwhile,
    /// a row inserted meanwhile, or a deadlock between the two.
    /// </summary>
    public static bool IsConcurrentWrite(Exception exception) =>
        exception is ConcurrencyException or DocumentAlreadyExistsException or JasperFx.Events.ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException or Marten.Exceptions.ConcurrentUpdateException
            or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected }
        || (exception.InnerException is { } inner && IsConcurrentWrite(inner));

    /// <summary>
    /// A failure of the connection rather than of the statement, however the store wrapped it: Npgsql's transient
    /// errors, connection exceptions (SQL state class 08), and a server shutting down or starting (57P01 to 57P03).
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException npgsql:
                    return npgsql.IsTransient || npgsql.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException;
            }
        }

        return false;
    }

    /// <summary>
    /// A server's refusal of the connection itself, however the store wrapped it: a database that does not exist (3D000),
    /// a login refused (28000, 28P01). Retrying cannot mend it.
    /// </summary>
    public static bool IsRefusedConnection(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return postgres.SqlState is "3D000" or "28000" or "28P01";
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient database failure; retry {Attempt} of 3 in {Delay} s: {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, double delay, string reason);
}
