using CooperationLedger.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// A termination request (a service manager's stop, kill's default) ends a run as Ctrl-C does: cleanly, nothing half-written.
using var termination = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});
try
{
    return await LedgerCommandLine.RunAsync(args, CliContext.FromProcess(), cancellation.Token);
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
{
    // Help, a version or a script written to a closed standard output (ledger --help >&-): nothing can take it.
    await Console.Error.WriteLineAsync(LedgerSession.ClosedOutput);
    return ExitCodes.InvalidInput;
}
