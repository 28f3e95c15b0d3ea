using System.CommandLine;
using System.Diagnostics;
using CooperationLedger.Cli.Output;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger rebuild</c>: rebuild the projections from the events.</summary>
internal static class RebuildCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "rebuild",
            "Rebuilds every projection (donations, claims, agreements, timeline) from the stored events: after upgrading the ledger " +
            "to a version whose projections keep something else (a query that meets an older entry says so), or to recover. " +
            "It is one transaction: queries wait for it and never see it half done, and a rebuild that fails, is interrupted or " +
            "killed leaves the projections as they were. Do not ingest meanwhile.\n\nExample:\n  ledger rebuild");
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            var watch = Stopwatch.StartNew();
            await ledger.RebuildProjectionsAsync(token);
            TextOutput.Line(context, $"Rebuilt the projections from the events in {watch.Elapsed.TotalSeconds:0.0} s.");
            return ExitCodes.Success;
        }, cancellationToken, writes: true));
        return command;
    }
}
