using System.CommandLine;
using CooperationLedger.Cli.Output;
using Spectre.Console;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger operations</c>: claimed operation results (arrests, deaths, seizures), count by count.</summary>
internal static class OperationsCommand
{
    public static Command Create(CliContext context)
    {
        var asOf = new AsOfOptions();
        var actor = new Option<string?>("--actor") { Description = $"Only the results of this actor: {ActorNames.Accepted}." };
        var json = new Option<bool>("--json") { Description = "Write JSON, each claim with its counts, breakdowns and citations." };
        var command = new Command(
            "operations",
            "Claimed operation results as of a point: each count as stated (hedged, ranged, vague or with its unit), what it is part of, " +
            "its breakdown and value, and the period it covers. Counts are never summed across claims.\n\n" +
            "Examples:\n  ledger operations --actor kg-gknb\n  ledger operations --known-on 2006-12-31 --json")
        {
            actor,
            json,
        };
        asOf.AddTo(command);
        var paging = new Paging();
        paging.AddTo(command);
        var scope = new ScopeOptions();
        scope.AddTo(command);
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            var point = asOf.Read(parse);
            await ActorNames.CheckAsync(ledger, token, ("--actor", parse.GetValue(actor)));
            var results = await ledger.GetOperationResultsAsync(point, parse.GetValue(actor), await scope.ReadCheckedAsync(parse, ledger, token), token);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteAnswer(context, point, "operations", results, paging.Read(parse));
                return ExitCodes.Success;
            }

            TableOutput.Write(
                context,
                "Operation results",
                ["Date", "By", "Period", "Outcome", "Count", "Of", "Breakdown", "Sources"],
                paging.Read(parse).Of(results).SelectMany(result => result.Counts.Select((count, index) => (IReadOnlyList<string>)
                [
                    index == 0 ? result.Effective.ToString() : string.Empty,
                    index == 0 ? string.Join(", ", result.By.Select(by => by.Name)) : string.Empty,
                    index == 0 ? result.Period?.ToString() ?? "not stated" : string.Empty,
                    count.Outcome,
                    $"{count.Count} {count.Subject}" + (count.Value is null ? string.Empty : $" (worth {count.Value.Verbatim ?? count.Value.ToString()})"),
                    count.OfOutcome ?? "-",
                    count.Breakdown.Count == 0 ? "-" : string.Join(Environment.NewLine, count.Breakdown.Select(share => $"{share.Label}: {share.Count}")),
                    index == 0 ? Describe.Sources(result.Sources) : string.Empty,
                ])));
            if (paging.Read(parse).Line(results) is { } shown)
            {
                TextOutput.Line(context, shown);
            }

            TextOutput.Line(context, Describe.Rule(point));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
