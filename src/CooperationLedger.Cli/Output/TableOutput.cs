using Spectre.Console;
using Spectre.Console.Rendering;

namespace CooperationLedger.Cli.Output;

/// <summary>
/// Draws human output as plain (never markup) text that fits the output's width (<see cref="CliContext.Width"/>): a
/// table whose columns are as wide as they need and no narrower than their longest word, so that wrapping falls between
/// words and never inside a key; when even that is too wide, the optional columns are left out, and when it still is,
/// or the output has no width (a pipe), each row is written as a block of labelled lines, wrapped likewise.
/// </summary>
internal static class TableOutput
{
    // A rounded border draws one character left of every column and one at the end; each cell is padded by one a side.
    private const int BorderPerColumn = 3;

    public static void Write(CliContext context, string title, IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var cells = rows.ToList();
        if (cells.Count == 0)
        {
            TextOutput.Line(context, $"{title}: none.");
            return;
        }

        if (context.Width is { } width && Fit(columns, cells, width) is { } widths)
        {
            Draw(context.Console, title, columns, cells, widths);
        }
        else
        {
            Compact(context, title, columns, cells);
        }
    }

    /// <summary>Gets each column's width (0 for one left out) so that the table fits <paramref name="width"/>, or null when it cannot.</summary>
    internal static int[]? Fit(IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<string>> rows, int width)
    {
        var natural = new int[columns.Count];
        var least = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            natural[i] = TextOutput.Lines(columns[i].Header).Max(line => line.Length);
            least[i] = TextOutput.LongestWord(columns[i].Header);
            foreach (var row in rows)
            {
                natural[i] = Math.Max(natural[i], TextOutput.Lines(row[i]).Max(line => line.Length));
                least[i] = Math.Max(least[i], TextOutput.LongestWord(row[i]));
            }
        }

        var shown = Enumerable.Range(0, columns.Count).ToList();
        while (Room(width, shown.Count) < shown.Sum(i => least[i]))
        {
            // The optional columns go from the right, the least needed first; a table of only needed columns that is
            // still too wide is written compact instead.
            var optional = shown.LastOrDefault(i => columns[i].Optional, -1);
            if (optional < 0)
            {
                return null;
            }

            shown.Remove(optional);
        }

        var widths = new int[columns.Count];
        foreach (var i in shown)
        {
            widths[i] = natural[i];
        }

        // Narrow the widest column that can give a character, one at a time: the wide text columns give way first,
        // and no column goes below its longest word.
        var room = Room(width, shown.Count);
        while (widths.Sum() > room)
        {
            var widest = shown.Where(i => widths[i] > least[i]).MaxBy(i => widths[i]);
            widths[widest]--;
        }

        return widths;
    }

    private static int Room(int width, int columns) => width - (BorderPerColumn * columns) - 1;

    private static void Draw(IAnsiConsole console, string title, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<string>> rows, int[] widths)
    {
        var shown = Enumerable.Range(0, columns.Count).Where(i => widths[i] > 0).ToArray();
        var table = new Table { Border = TableBorder.Rounded };
        foreach (var i in shown)
        {
            table.AddColumn(new TableColumn(new Text(columns[i].Header)) { Width = widths[i] });
        }

        if (shown.All(i => columns[i].Header.Length == 0))
        {
            table.HideHeaders();
        }

        foreach (var row in rows)
        {
            table.AddRow(shown.Select(i => (IRenderable)new Text(row[i])).ToArray());
        }

        console.WriteLine(title);
        console.Write(table);
        var left = Enumerable.Range(0, columns.Count).Where(i => widths[i] == 0).Select(i => columns[i].Header).ToArray();
        if (left.Length > 0)
        {
            console.WriteLine($"(Left out to fit: {string.Join(", ", left)}; --json has every column.)");
        }
    }

    /// <summary>Writes each row as its first cell, then a line for each other cell with something in it, "Header: text".</summary>
    private static void Compact(CliContext context, string title, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        TextOutput.Line(context, title);
        foreach (var row in rows)
        {
            TextOutput.Wrapped(context, row[0], indent: 2, hanging: 4);
            for (var i = 1; i < columns.Count; i++)
            {
                if (row[i].Length == 0 || row[i] == "-")
                {
                    continue;
                }

                var lines = TextOutput.Lines(row[i]);
                var label = columns[i].Header.Length == 0 ? string.Empty : columns[i].Header + ": ";
                TextOutput.Wrapped(context, label + lines[0], indent: 4, hanging: 6);
                foreach (var line in lines.Skip(1))
                {
                    TextOutput.Wrapped(context, line, indent: 6, hanging: 8);
                }
            }
        }
    }
}
