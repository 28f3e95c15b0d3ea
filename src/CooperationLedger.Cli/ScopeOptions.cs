using System.CommandLine;
using CooperationLedger.Answers;
using NodaTime;

namespace CooperationLedger.Cli;

/// <summary>
/// The options that narrow a question to a period, a document or an outlet before it is answered (<see cref="FactScope"/>):
/// <c>--from</c>, <c>--to</c>, <c>--document</c>, <c>--outlet</c>.
/// </summary>
internal sealed class ScopeOptions
{
    private readonly Option<LocalDate?> from = new("--from")
    {
        Description = "Only facts whose effective date falls on or after this day (YYYY-MM-DD); an imprecise date as --rule reads it.",
        HelpName = "date",
        CustomParser = AsOfOptions.ParseDate,
    };

    private readonly Option<LocalDate?> to = new("--to")
    {
        Description = "Only facts whose effective date falls on or before this day (YYYY-MM-DD).",
        HelpName = "date",
        CustomParser = AsOfOptions.ParseDate,
    };

    private readonly Option<string?> document = NameOption.NonBlank(new("--document") { Description = "Only the facts of this document, by its key (ledger documents lists them).", HelpName = "key" }, "a document's key");

    private readonly Option<string?> outlet = NameOption.NonBlank(new("--outlet") { Description = "Only facts published by this outlet or relayed from it (Kabar, Eurasia Daily Monitor), in any case.", HelpName = "name" }, "an outlet's name");

    public void AddTo(Command command)
    {
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(document);
        command.Options.Add(outlet);
        command.Validators.Add(result =>
        {
            // A day that does not parse has its own error, and no value to compare: the period is compared only
            // when both days are days.
            LocalDate? start, end;
            try
            {
                (start, end) = (result.GetValue(from), result.GetValue(to));
            }
            catch (InvalidOperationException)
            {
                return;
            }

            if (start is { } first && end is { } last && last < first)
            {
                result.AddError($"--to {last:uuuu-MM-dd} is before --from {first:uuuu-MM-dd}: the period is empty.");
            }
        });
    }

    /// <summary>Reads the scope, refusing a document or outlet the ledger does not hold (<see cref="FilterNames"/>).</summary>
    public async Task<FactScope> ReadCheckedAsync(ParseResult parse, Ledger ledger, CancellationToken cancellationToken)
    {
        var scope = Read(parse);
        await FilterNames.CheckAsync(ledger, cancellationToken, ("--document", NameKind.Document, scope.Document), ("--outlet", NameKind.Outlet, scope.Outlet));
        return scope;
    }

    public FactScope Read(ParseResult parse) =>
        new(parse.GetValue(from), parse.GetValue(to), Text(parse.GetValue(document)), Text(parse.GetValue(outlet)));

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
