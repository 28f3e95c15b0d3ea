using System.CommandLine;
using CooperationLedger.Cli.Output;
using Spectre.Console;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger verify</c>: re-check every stored quote, and list inferred dates.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Write the findings as JSON." };
        var command = new Command(
            "verify",
            "Checks every stored fact's quote against the stored text of its document, and lists the facts whose date or publication date " +
            "was inferred rather than printed, and counts the facts the projections have lost. Exits with 1 when a quote does not check " +
            "out or a fact has no projection entry.\n\nExample:\n  ledger verify")
        {
            json,
        };
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            var report = await ledger.VerifyAsync(token);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context, report);
            }
            else
            {
                TextOutput.Line(context, report.QuotesVerified
                    ? $"Checked {Describe.Counted(report.FactsChecked, "fact")}: every quote is found in its stored article."
                    : $"Checked {Describe.Counted(report.FactsChecked, "fact")}: {report.QuoteProblems.Count:#,0} quotes do not check out.");
                TableOutput.Write(context, "Quote problems", ["Fact", "Problem"], report.QuoteProblems.Select(problem => (IReadOnlyList<string>)[problem.Key, problem.Problem]));
                TableOutput.Write(
                    context,
                    "Inferred dates",
                    ["Fact", "Which", "Date", "Inferred from"],
                    report.InferredDates.Select(date => (IReadOnlyList<string>)[date.Key, date.Which, date.Date.ToString(), date.Inference]));
                if (!report.ProjectionsComplete)
                {
                    TextOutput.Line(context, $"{report.FactsWithoutEntries} stored facts have no entry in the projections, so answers leave them out: run 'ledger rebuild'.");
                }
            }

            return report.QuotesVerified && report.ProjectionsComplete ? ExitCodes.Success : ExitCodes.InvalidInput;
        }, cancellationToken));
        return command;
    }
}
