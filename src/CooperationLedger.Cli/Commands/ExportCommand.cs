using System.CommandLine;
using System.Text.Json;
using CooperationLedger.Cli.Output;
using CsvHelper;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger export</c>: every fact with its citation, as CSV or JSON, streamed.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "csv (one flat row per fact), json (each fact as the library's RecordedFact: the whole event under its type name, where it was recorded, its summary and figure; it reads back with LedgerJson) or prov (W3C PROV-JSON: each fact derived and quoted from its document, the quote as a Web Annotation TextQuoteSelector, revisions as prov:Revision).", Required = true };
        Choice.Among(format, "csv", "json", "prov");
        var output = NameOption.FileToWrite(new Option<string?>("--output") { Description = "Write to this file instead of standard output.", HelpName = "file" });
        var command = new Command(
            "export",
            "Every fact and revision the ledger holds, in the order recorded, each with its citation (publication, date, outlet, speaker, " +
            "quote, paragraph), for spreadsheets and other tools, or as W3C PROV-JSON for provenance tools.\n\nExamples:\n  ledger export --format csv --output facts.csv\n  ledger export --format json\n  ledger export --format prov --output facts.prov.json")
        {
            format,
            output,
        };
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            var path = parse.GetValue(output);
            Func<TextWriter, Task<int>> write = parse.GetRequiredValue(format) switch
            {
                "csv" => writer => WriteCsvAsync(ledger, writer, token),
                "prov" => writer => ProvExport.WriteAsync(ledger, writer, token),
                _ => writer => WriteJsonAsync(ledger, writer, token),
            };
            if (path is null)
            {
                await write(context.Output);
                return ExitCodes.Success;
            }

            var count = await ReplacingFile.WriteAsync(path, write);
            context.Error.WriteLine($"Exported {count} facts to {path}.");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> WriteCsvAsync(Ledger ledger, TextWriter writer, CancellationToken cancellationToken)
    {
        var count = 0;
        async IAsyncEnumerable<ExportRow> Rows()
        {
            await foreach (var fact in ledger.ReadFactsAsync(cancellationToken))
            {
                count++;
                yield return ExportRow.From(fact);
            }
        }

        await using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader<ExportRow>();
        await csv.WriteRecordsAsync(Rows(), cancellationToken);
        await csv.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>Writes <c>{"facts": [...]}</c>, a fact at a time: the one-object contract of every command's JSON.</summary>
    private static async Task<int> WriteJsonAsync(Ledger ledger, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync("{\n  \"facts\": [");
        var count = 0;
        await foreach (var fact in ledger.ReadFactsAsync(cancellationToken))
        {
            var row = JsonSerializer.Serialize(fact, JsonOutput.Options);
            await writer.WriteAsync((count == 0 ? "    " : ",\n    ") + row.Replace("\n", "\n    ", StringComparison.Ordinal));
            count++;
        }

        await writer.WriteLineAsync(count == 0 ? "  ]\n}" : "\n  ]\n}");
        await writer.FlushAsync(cancellationToken);
        return count;
    }
}
