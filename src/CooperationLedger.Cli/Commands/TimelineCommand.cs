using System.CommandLine;
using CooperationLedger.Cli.Output;
using CooperationLedger.Facts;
using Spectre.Console;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger timeline</c>: every fact for one actor, or between two, in order of effective date.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliContext context)
    {
        var asOf = new AsOfOptions();
        var actor = new Option<string?>("--actor") { Description = $"Only facts involving this actor: {ActorNames.Accepted}." };
        var with = new Option<string?>("--with") { Description = "And also this second actor, named the same way: the facts between the two." };
        var json = new Option<bool>("--json") { Description = "Write JSON, each fact with its event id and citations." };
        var command = new Command(
            "timeline",
            "A cooperation timeline: every fact involving an actor (or two), in order of effective date.\n\n" +
            "Examples:\n  ledger timeline --actor Kyrgyzstan --with China\n  ledger timeline --actor kg-gknb --known-on 2011-12-31 --json")
        {
            actor,
            with,
            json,
        };
        asOf.AddTo(command);
        var paging = new Paging();
        paging.AddTo(command);
        var scope = new ScopeOptions();
        scope.AddTo(command);
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            if (parse.GetValue(with) is not null && parse.GetValue(actor) is null)
            {
                throw new CliUsageException("--with needs --actor.");
            }

            var point = asOf.Read(parse);
            await ActorNames.CheckAsync(ledger, token, ("--actor", parse.GetValue(actor)), ("--with", parse.GetValue(with)));
            var timeline = await ledger.GetTimelineAsync(point, parse.GetValue(actor), parse.GetValue(with), await scope.ReadCheckedAsync(parse, ledger, token), token);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteAnswer(context, point, "timeline", timeline, paging.Read(parse));
                return ExitCodes.Success;
            }

            TableOutput.Write(
                context,
                "Timeline",
                ["Date", "Type", "What", "Stage", "Source"],
                paging.Read(parse).Of(timeline).Select(item => (IReadOnlyList<string>)
                [
                    item.Effective.ToString(),
                    item.Type,
                    item.Summary,
                    item.Stage.ToString().ToLowerInvariant(),
                    Describe.Sources(item.Sources),
                ]));
            if (paging.Read(parse).Line(timeline) is { } shown)
            {
                TextOutput.Line(context, shown);
            }

            TextOutput.Line(context, Describe.Rule(point) + $" Facts are in order of the day each date is read as under the rule (its {(point.Rule == DateRule.Possibly ? "earliest" : "latest")}).");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
