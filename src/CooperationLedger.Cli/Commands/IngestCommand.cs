using System.CommandLine;
using CooperationLedger.Answers;
using CooperationLedger.Cli.Output;
using Spectre.Console;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger ingest PATH...</c>: check fact files and append each document's new facts.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Fact files, or folders searched for *.yaml and *.yml." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the files against each other and the ledger; append nothing." };
        var json = new Option<bool>("--json") { Description = "Write the summary as JSON." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Write only the one summary line, not a row for each document, and no progress bar." };
        var corpus = CorpusOption();
        var command = new Command(
            "ingest",
            "Read fact files, check them all (fields, dates, actors, quotes against their articles, conflicts with the ledger), then append each " +
            "document's new facts in one transaction. Facts already present are left alone; if any file has an error, nothing is appended.\n\n" +
            "Examples:\n  ledger ingest seeds/facts\n  ledger ingest --dry-run seeds/facts/edm-2006-v3-i223.yaml")
        {
            paths,
            dryRun,
            json,
            quiet,
            corpus,
        };
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            var report = await IngestAsync(ledger, parse.GetRequiredValue(paths), parse.GetValue(dryRun), parse.GetValue(corpus), context, token, progressBar: !parse.GetValue(quiet));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context, report);
            }
            else
            {
                WriteSummary(context, report, parse.GetValue(quiet));
            }

            return ExitCodes.Success;
        }, cancellationToken, writes: !parse.GetValue(dryRun)));
        return command;
    }

    /// <summary>The folder articles must lie in; by default each fact file's corpus (see <see cref="Ledger.IngestAsync"/>).</summary>
    public static Option<string> CorpusOption() => new("--corpus")
    {
        Description = "The folder every article must lie in, after following links (default: the folder that holds each fact file's folder).",
        HelpName = "folder",
    };

    public static async Task<IngestReport> IngestAsync(Ledger ledger, IReadOnlyList<string> paths, bool dryRun, string? corpusRoot, CliContext context, CancellationToken cancellationToken, bool progressBar = true)
    {
        if (!context.Interactive || !progressBar)
        {
            return await ledger.IngestAsync(paths, dryRun, null, corpusRoot, cancellationToken);
        }

        IngestReport? report = null;
        await context.ErrorConsole.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var bar = progress.AddTask(dryRun ? "Checking documents" : "Ingesting documents", maxValue: 1);
            report = await ledger.IngestAsync(paths, dryRun, new BarProgress(bar), corpusRoot, cancellationToken);
        });
        return report!;
    }

    /// <summary>Writes a row for each document (unless <paramref name="quiet"/>), then one line: documents, facts appended and already present.</summary>
    public static void WriteSummary(CliContext context, IngestReport report, bool quiet)
    {
        if (!quiet)
        {
            TableOutput.Write(
                context,
                report.DryRun ? "Checked (dry run: nothing appended)" : "Ingested",
                ["Document", new Column("File", Optional: true), report.DryRun ? "Would append" : "Appended", "Already present"],
                report.Documents.Select(document => (IReadOnlyList<string>)[document.DocumentKey, Path.GetFileName(document.Path), $"{document.FactsAppended}", $"{document.FactsAlreadyPresent}"]));
        }

        TextOutput.Line(context, $"{Describe.Counted(report.Documents.Count, "document")}, {Describe.Counted(report.FactsAppended, "fact")} {(report.DryRun ? "would be appended" : "appended")}, {report.FactsAlreadyPresent:#,0} already present.");
    }

    /// <summary>Moves the bar as each document finishes (set directly, not posted, so the bar is current when drawn).</summary>
    private sealed class BarProgress(ProgressTask bar) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            bar.MaxValue = value.Total;
            bar.Value = value.Done;
            bar.Description = Path.GetFileName(value.Current);
        }
    }
}
