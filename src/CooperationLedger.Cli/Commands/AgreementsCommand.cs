using System.CommandLine;
using System.Globalization;
using CooperationLedger.Answers;
using CooperationLedger.Cli.Output;
using Spectre.Console;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger agreements</c>: agreements known as of a point, and whether each was in effect.</summary>
internal static class AgreementsCommand
{
    public static Command Create(CliContext context)
    {
        var asOf = new AsOfOptions();
        var party = new Option<string[]>("--party") { Description = $"Only agreements with this party: {ActorNames.Accepted}. Twice for the agreements between two parties.", Arity = new ArgumentArity(0, 2), AllowMultipleArgumentsPerToken = false };
        var json = new Option<bool>("--json") { Description = "Write JSON, each agreement with its event ids and citations." };
        var command = new Command(
            "agreements",
            "Agreements with their parties, areas of cooperation, date and stage, and whether each was in effect.\n\n" +
            "Examples:\n  ledger agreements --as-of 2011-09-05 --party CN\n  ledger agreements --party KG --party CN\n  ledger agreements --json")
        {
            party,
            json,
        };
        asOf.AddTo(command);
        var paging = new Paging();
        paging.AddTo(command);
        var scope = new ScopeOptions();
        scope.AddTo(command);
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            var parties = parse.GetValue(party) ?? [];
            await ActorNames.CheckAsync(ledger, token, [.. parties.Select(text => ("--party", (string?)text))]);
            var point = asOf.Read(parse);
            var agreements = await ledger.GetAgreementsAsync(point, parties.ElementAtOrDefault(0), parties.ElementAtOrDefault(1), await scope.ReadCheckedAsync(parse, ledger, token), token);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteAnswer(context, point, "agreements", agreements, paging.Read(parse));
                return ExitCodes.Success;
            }

            TableOutput.Write(
                context,
                "Agreements",
                ["Date", "Parties", "Areas", "Stage", "Term", agreements.Count > 0 ? $"On {agreements[0].Day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}" : "State", "Sources"],
                paging.Read(parse).Of(agreements).Select(agreement => (IReadOnlyList<string>)
                [
                    agreement.Effective.ToString() + (agreement.Effective.IsInferred ? " (inferred)" : string.Empty),
                    string.Join(", ", agreement.Parties.Select(p => p.Name)),
                    string.Join("; ", agreement.Areas),
                    agreement.Stage.ToString().ToLowerInvariant() + (agreement.Due is { } due ? $" (due {due})" : string.Empty),
                    agreement.EndsOn is { } ends ? $"until {ends}" + (agreement.Term?.Verbatim is { } words ? $" ({words})" : string.Empty) : "-",
                    agreement.State switch
                    {
                        AgreementState.InEffect => "in effect",
                        AgreementState.Announced => "announced only",
                        AgreementState.NotYetInEffect => "not yet in effect",
                        AgreementState.Ended => "ended: " + string.Join("; ", agreement.EndedBy.Select(source => source.Key)),
                        _ => "expired",
                    },
                    Describe.Sources(agreement.Sources),
                ]));
            if (paging.Read(parse).Line(agreements) is { } shown)
            {
                TextOutput.Line(context, shown);
            }

            TextOutput.Line(context, Describe.Rule(point));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
