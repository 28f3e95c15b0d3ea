using CooperationLedger.Answers;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CooperationLedger.Appending;

/// <summary>
/// The bounded policy for transient database failures (a dropped connection, a server restarting): three retries after
/// 0.5, 1 and 2 seconds, each logged; then the failure is reported. Appends are idempotent, so a retried document
/// whose first attempt did commit appends nothing the second time, and a question only reads. A call cancelled is not
/// retried, nor one that already gave up (<see cref="LedgerUnavailableException"/>).
/// </summary>
internal static partial class TransientRetry
{
    public static ResiliencePipeline Create(ILogger logger) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            // A cancelled call is over, not failed: cancellation is never retried, whatever the store wrapped it in.
            ShouldHandle = arguments => ValueTask.FromResult(
                !arguments.Context.CancellationToken.IsCancellationRequested
                && arguments.Outcome.Exception is { } exception and not OperationCanceledException and not LedgerUnavailableException
                && IsTransient(exception)),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            OnRetry = arguments =>
            {
                LogRetry(logger, arguments.AttemptNumber + 1, arguments.RetryDelay.TotalSeconds, arguments.Outcome.Exception?.Message ?? "unknown");
                return ValueTask.CompletedTask;
            },
        })
        .Build();

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
