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
return await LedgerCommandLine.RunAsync(args, CliContext.FromProcess(), cancellation.Token);
