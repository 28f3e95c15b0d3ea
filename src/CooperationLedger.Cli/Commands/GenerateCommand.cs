using System.CommandLine;
using System.Diagnostics;
using CooperationLedger.Answers;
using CooperationLedger.Cli.Output;
using CooperationLedger.Synthetic;
using Spectre.Console;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger generate</c>: append a deterministic synthetic history, for trying the ledger at scale.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var facts = PositiveNumber.Required(new Option<int>("--facts") { Description = "How many events to generate (facts and revisions).", Required = true });
        var seed = PositiveNumber.From(new Option<int>("--seed") { Description = "The seed; the same seed and size give the same history.", DefaultValueFactory = _ => 42 }, 0);
        var batch = PositiveNumber.Required(new Option<int>("--batch") { Description = "About how many facts go in one transaction.", DefaultValueFactory = _ => 1000 });
        var command = new Command(
            "generate",
            "Generate a synthetic history (documents over thirty years: donations in many currencies, claimed statistics, agreements, " +
            "meetings; about 2% corrections and retractions, 1% conflicting claims and 0.5% agreeing ones) and append it through the bulk path, streaming. " +
            "Use a separate --schema to keep it apart from real facts.\n\nExample:\n  ledger generate --facts 1000000 --seed 42 --schema synthetic")
        {
            facts,
            seed,
            batch,
        };
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            var options = new SyntheticHistoryOptions(parse.GetValue(facts), parse.GetValue(seed));
            var watch = Stopwatch.StartNew();
            var report = await ledger.AppendManyAsync(SyntheticHistory.GenerateAsync(options), Math.Max(1, parse.GetValue(batch)), new Dots(context), token);
            TextOutput.Line(context, $"Generated {Describe.Counted(report.Documents.Count, "document")}: {Describe.Counted(report.FactsAppended, "fact")} appended, {report.FactsAlreadyPresent:#,0} already present, in {watch.Elapsed.TotalSeconds:0.0} s.");
            return ExitCodes.Success;
        }, cancellationToken, writes: true));
        return command;
    }

    /// <summary>Says how far the load has got, every ten thousand documents, on the error stream.</summary>
    private sealed class Dots(CliContext context) : IProgress<IngestProgress>
    {
        private int reported;

        public void Report(IngestProgress value)
        {
            if (value.Done / 10_000 > reported)
            {
                reported = value.Done / 10_000;
                context.ErrorConsole.WriteLine($"{value.Done:N0} documents appended");
            }
        }
    }
}
