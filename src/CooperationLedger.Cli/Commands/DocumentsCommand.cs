using System.CommandLine;
using System.Globalization;
using CooperationLedger.Cli.Output;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger documents</c>: every source document the ledger holds, with how many facts each gave it.</summary>
internal static class DocumentsCommand
{
    public static Command Create(CliContext context)
    {
        var format = new ListingFormat(
            "Write JSON: {\"documents\": [...]}, each the document (publication, issue, date, title, author, URL) with its counts of facts and revisions. Written as it is read.",
            "Write JSON Lines: a \"document\" line each, written as they are read.");
        var command = new Command(
            "documents",
            "Every source document the ledger holds, in key order: its publication, date, title, author and URL, and how many facts and " +
            "revisions it gave the ledger.\n\nExamples:\n  ledger documents\n  ledger documents --json --limit 20");
        format.AddTo(command);
        var paging = new Paging();
        paging.AddTo(command);
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            var page = paging.Read(parse);
            if (format.Asked(parse))
            {
                await format.WriteAsync(parse, context, null, ListingOutput.Parts(ledger.ReadDocumentsAsync(token), page), token);
                return ExitCodes.Success;
            }

            var documents = await ledger.ReadDocumentsAsync(token).ToListAsync(token);
            TableOutput.Write(
                context,
                "Documents",
                ["Document", "Publication", "Published", "Title", new Column("Author", Optional: true), new Column("URL", Optional: true), "Facts", new Column("Revisions", Optional: true)],
                page.Of(documents).Select(summary => (IReadOnlyList<string>)
                [
                    summary.Document.Key,
                    summary.Document.Publication + (summary.Document.Volume is null && summary.Document.Issue is null ? string.Empty : $" ({string.Join(", ", new[] { summary.Document.Volume is { } volume ? $"vol. {volume}" : null, summary.Document.Issue is { } issue ? $"issue {issue}" : null }.OfType<string>())})"),
                    summary.Document.PublishedOn.ToString(),
                    summary.Document.Title ?? "-",
                    summary.Document.Author ?? "-",
                    summary.Document.Url?.ToString() ?? "-",
                    summary.Facts.ToString("#,0", CultureInfo.InvariantCulture),
                    summary.Revisions.ToString("#,0", CultureInfo.InvariantCulture),
                ]));
            if (page.Line(documents) is { } shown)
            {
                TextOutput.Line(context, shown);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
