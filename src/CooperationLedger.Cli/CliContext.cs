using Spectre.Console;

namespace CooperationLedger.Cli;

/// <summary>What a run of <c>ledger</c> reads and writes: its output streams and its environment (replaceable in tests).</summary>
internal sealed class CliContext
{
    private readonly Func<string, string?> variables;

    public CliContext(TextWriter output, TextWriter error, Func<string, string?> variables, bool interactive)
    {
        Output = output;
        Error = error;
        this.variables = variables;
        Interactive = interactive;
        Console = CreateConsole(output, interactive);
        ErrorConsole = CreateConsole(error, interactive);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Console { get; }

    public IAnsiConsole ErrorConsole { get; }

    /// <summary>Gets a value indicating whether a person is watching (a terminal): then progress bars are drawn.</summary>
    public bool Interactive { get; }

    public static CliContext FromProcess() => new(
        System.Console.Out,
        System.Console.Error,
        Environment.GetEnvironmentVariable,
        !System.Console.IsErrorRedirected && !System.Console.IsOutputRedirected);

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
            console.Profile.Width = 200;
        }

        return console;
    }
}
