using Spectre.Console;
using Spectre.Console.Rendering;

namespace CooperationLedger.Cli.Output;

/// <summary>Draws human output as a Spectre.Console table of plain (never markup) text.</summary>
internal static class TableOutput
{
    public static void Write(IAnsiConsole console, string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape(title)) };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        if (headers.All(string.IsNullOrEmpty))
        {
            table.HideHeaders();
        }

        var count = 0;
        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
            count++;
        }

        if (count == 0)
        {
            console.WriteLine($"{title}: none.");
            return;
        }

        console.Write(table);
    }
}
