using Spectre.Console;

namespace CooperationLedger.Cli;

/// <summary>What a run of <c>ledger</c> reads and writes: its output streams and its environment (replaceable in tests).</summary>
internal sealed class CliContext
{
    private readonly Func<string, string?> variables;

    public CliContext(TextWriter output, TextWriter error, Func<string, string?> variables, bool interactive, int? width = null)
    {
        Output = output;
        Error = error;
        this.variables = variables;
        Interactive = interactive;
        Console = CreateConsole(output, interactive);
        ErrorConsole = CreateConsole(error, interactive);
        // COLUMNS, when set, is the width asked for (a pipe to a file of that width, or a test); else a terminal's own.
        Width = int.TryParse(Variable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns >= 20
            ? columns
            : width;
        if (Width is { } fixedWidth)
        {
            Console.Profile.Width = fixedWidth;
        }
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Console { get; }

    public IAnsiConsole ErrorConsole { get; }

    /// <summary>Gets a value indicating whether a person is watching (a terminal): then progress bars are drawn.</summary>
    public bool Interactive { get; }

    /// <summary>
    /// Gets the width human output is fitted to (<c>COLUMNS</c> when set, else the terminal's), or null for a pipe:
    /// then tables are written in their compact form, unwrapped.
    /// </summary>
    public int? Width { get; }

    public static CliContext FromProcess() => new(
        System.Console.Out,
        System.Console.Error,
        Environment.GetEnvironmentVariable,
        !System.Console.IsErrorRedirected && !System.Console.IsOutputRedirected,
        System.Console.IsOutputRedirected ? null : TerminalWidth());

    private static int? TerminalWidth()
    {
        try
        {
            return System.Console.WindowWidth is var width and > 0 ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public string? Variable(string name) => variables(name) is { Length: > 0 } value ? value : null;

    private static IAnsiConsole CreateConsole(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Unwrapped: a pipe's lines are as long as their text (a width, when given, is set by the constructor).
            console.Profile.Width = short.MaxValue;
        }

        return console;
    }
}
