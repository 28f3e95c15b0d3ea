using System.CommandLine;
using CooperationLedger.Cli.Output;
using Spectre.Console;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger report</c>: the main job; ingest (when asked) and print donor totals and claimed statistics with sources.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var asOf = new AsOfOptions();
        var ingest = new Option<string[]>("--ingest") { Description = "Ingest these fact files or folders first (facts already present are left alone).", HelpName = "path", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON." };
        var corpus = IngestCommand.CorpusOption();
        var command = new Command(
            "report",
            "A short report as of a point: donor totals and claimed statistics, each with its sources. With --ingest it first ingests the " +
            "given files or folders; running it again appends nothing and prints the same report.\n\n" +
            "Examples:\n  ledger report --ingest seeds --known-on 2011-12-31\n  ledger report --as-of 2006-12-31 --json")
        {
            ingest,
            json,
            corpus,
        };
        asOf.AddTo(command);
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            if (parse.GetValue(ingest) is { Length: > 0 } paths)
            {
                var ingested = await IngestCommand.IngestAsync(ledger, paths, dryRun: false, parse.GetValue(corpus), context, token);
                context.ErrorConsole.WriteLine($"Ingest: {ingested.Documents.Count} documents, {ingested.FactsAppended} facts appended, {ingested.FactsAlreadyPresent} already present.");
            }

            var point = asOf.Read(parse);
            var donors = await ledger.GetDonorTotalsAsync(point, cancellationToken: token);
            var claims = await ledger.GetClaimedStatisticsAsync(point, cancellationToken: token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context, new { AsOf = point, Donors = donors, Claims = claims });
                return ExitCodes.Success;
            }

            context.Console.WriteLine($"CooperationLedger report, as of {point}.");
            DonorsCommand.Write(context, donors);
            ClaimsCommand.Write(context, claims);
            context.Console.WriteLine(Describe.Rule(point));
            return ExitCodes.Success;
        }, cancellationToken, writes: parse.GetValue(ingest) is { Length: > 0 }));
        return command;
    }
}
