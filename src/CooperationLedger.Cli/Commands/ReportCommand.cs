using System.CommandLine;
using CooperationLedger.Cli.Html;
using CooperationLedger.Cli.Output;
using Spectre.Console;

namespace CooperationLedger.Cli.Commands;

/// <summary>
/// <c>ledger report</c>: the main job; ingest (when asked) and print a summary of the ledger as of a point, short at any
/// size, or with <c>--all</c> every donor total and claimed statistic with its sources.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var asOf = new AsOfOptions();
        var ingest = new Option<string[]>("--ingest") { Description = "Ingest these fact files or folders first (facts already present are left alone).", HelpName = "path", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON." };
        var all = new Option<bool>("--all") { Description = "List every donor total and claimed statistic with its sources, not the summary." };
        var top = PositiveNumber.Required(new Option<int>("--top") { Description = "How many items each list of the summary keeps: the donors of as many currencies (those with the most donations), metrics, disputes and newest facts. --all lists everything.", HelpName = "n", DefaultValueFactory = _ => 5 });
        var corpus = IngestCommand.CorpusOption();
        var html = NameOption.FileToWrite(new Option<string?>("--html") { Description = "Also write the report as one self-contained HTML page to this file (opens offline: a timeline, a chart of donations, the claims with their disputes, each figure linked to its quote).", HelpName = "file" });
        var command = new Command(
            "report",
            "A summary of the ledger as of a point, short at any size: facts by kind and year, totals by currency and stage with the " +
            "largest donors, the metrics most claimed, the disputes and the newest facts with their sources. --all lists every donor " +
            "total and claimed statistic instead. With --ingest it first ingests the given files or folders; running it again appends " +
            "nothing and prints the same report.\n\n" +
            "Examples:\n  ledger report --ingest seeds --known-on 2011-12-31\n  ledger report --as-of 2006-12-31 --top 3\n  ledger report --all --json")
        {
            ingest,
            json,
            all,
            top,
            corpus,
            html,
        };
        asOf.AddTo(command);
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            if (parse.GetValue(ingest) is { Length: > 0 } paths)
            {
                var ingested = await IngestCommand.IngestAsync(ledger, paths, dryRun: false, parse.GetValue(corpus), context, token);
                context.ErrorConsole.WriteLine($"Ingest: {Describe.Counted(ingested.Documents.Count, "document")}, {Describe.Counted(ingested.FactsAppended, "fact")} appended, {ingested.FactsAlreadyPresent:#,0} already present.");
            }

            var point = asOf.Read(parse);
            if (parse.GetValue(html) is { } page)
            {
                var data = await HtmlReportData.ReadAsync(ledger, point, parse.GetValue(top), token);
                await ReplacingFile.WriteAsync(page, async writer =>
                {
                    await HtmlReport.WriteAsync(writer, data);
                    return 0;
                });
                context.Error.WriteLine($"Wrote the HTML report to {page}.");
            }

            if (!parse.GetValue(all))
            {
                var summary = await ledger.GetSummaryAsync(point, parse.GetValue(top), token);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(context, summary);
                }
                else
                {
                    SummaryOutput.Write(context, summary);
                }

                return ExitCodes.Success;
            }

            var donors = await ledger.GetDonorTotalsAsync(point, cancellationToken: token);
            var claims = await ledger.GetClaimedStatisticsAsync(point, cancellationToken: token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context, new { AsOf = point, Donors = donors, Claims = claims });
                return ExitCodes.Success;
            }

            TextOutput.Line(context, $"CooperationLedger report, as of {point}.");
            DonorsCommand.Write(context, donors, Page.All);
            ClaimsCommand.Write(context, claims, Page.All);
            TextOutput.Line(context, Describe.Rule(point));
            return ExitCodes.Success;
        }, cancellationToken, writes: parse.GetValue(ingest) is { Length: > 0 }));
        return command;
    }
}
