using CooperationLedger.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await LedgerCommandLine.RunAsync(args, CliContext.FromProcess(), cancellation.Token);
