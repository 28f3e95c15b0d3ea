using System.CommandLine;
using CooperationLedger.Cli.Commands;
using CooperationLedger.Cli.Database;

namespace CooperationLedger.Cli;

/// <summary>The <c>ledger</c> command line: its commands, and exit codes for usage errors.</summary>
internal static partial class LedgerCommandLine
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(
            "ledger: an auditable, event-sourced ledger of reported security cooperation on PostgreSQL. Every fact keeps its source; " +
            "every answer is as of a point on three time axes (effective --as-of, known --known-on, recorded --recorded-at) and names " +
            "the sources behind it. With no --connection (or COOPERATIONLEDGER_CONNECTION) it uses an embedded PostgreSQL cluster in " +
            "the user's data folder.\n\nExit codes: 0 success, 1 invalid input, 2 usage error, 3 database unavailable, 130 interrupted.\n\n" +
            "Example:\n  ledger report --ingest seeds --known-on 2011-12-31");
        root.Options.Add(GlobalOptions.Connection);
        root.Options.Add(GlobalOptions.Schema);
        root.Options.Add(GlobalOptions.Tenant);
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(DonorsCommand.Create(context));
        root.Subcommands.Add(ClaimsCommand.Create(context));
        root.Subcommands.Add(AgreementsCommand.Create(context));
        root.Subcommands.Add(TimelineCommand.Create(context));
        root.Subcommands.Add(OperationsCommand.Create(context));
        root.Subcommands.Add(DocumentsCommand.Create(context));
        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(RebuildCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(DbCommand.Create(context));
        root.Subcommands.Add(CompletionCommand.Create(context));
        return root;
    }

    /// <summary>
    /// Gets the parse errors to print: a token the parser did not match with what it was likely meant as; not the value
    /// after an unknown option (it is that option's), nor the missing command when an unknown one was typed.
    /// </summary>
    private static IEnumerable<string> Messages(ParseResult parse)
    {
        var unmatched = parse.UnmatchedTokens;
        var values = unmatched.Where((token, index) => index > 0 && unmatched[index - 1].StartsWith('-') && !token.StartsWith('-')).ToHashSet(StringComparer.Ordinal);
        foreach (var error in parse.Errors)
        {
            var token = unmatched.FirstOrDefault(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal));
            if (token is not null && values.Contains(token))
            {
                continue;
            }

            if (token is null && unmatched.Count > 0 && parse.CommandResult.Command.Subcommands.Count > 0 && error.Message.Contains("command", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            yield return token is null ? error.Message : error.Message + Suggestions.DidYouMean(Suggestions.For(parse, token));
        }
    }

    /// <summary>
    /// Hides a password in a parse error: a mis-quoted <c>--connection "...;Password=x"</c> is echoed as an unknown
    /// token, and a password never appears in output.
    /// </summary>
    internal static string Redacted(string message) => PasswordPattern().Replace(message, "${name}=(hidden)");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<name>password|pwd)\s*=\s*[^;'""\s]*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PasswordPattern();

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var message in Messages(parse))
            {
                await context.Error.WriteLineAsync(Output.TextOutput.Visible(Redacted(message)));
            }

            await context.Error.WriteLineAsync("Run 'ledger --help' (or 'ledger COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(
            new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false },
            cancellationToken);
    }
}
