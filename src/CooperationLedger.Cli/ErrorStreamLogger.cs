using Microsoft.Extensions.Logging;

namespace CooperationLedger.Cli;

/// <summary>
/// Shows the ledger's warnings (retries of transient failures) on the error stream; the library never logs secrets. A
/// refused ingest is left out: the tool prints the refusal with every error itself.
/// </summary>
internal sealed class ErrorStreamLogger(CliContext context) : ILogger<Ledger>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel) && eventId.Id != Appending.AppendLog.RefusedEvent)
        {
            context.Error.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}");
        }
    }
}
