namespace CooperationLedger.Cli.Output;

/// <summary>
/// Human text wrapped to the output's width (<see cref="CliContext.Width"/>) between words, never inside one: a key, a
/// date range or a URL longer than the line stays whole on a line of its own. A pipe has no width, and is not wrapped.
/// </summary>
internal static class TextOutput
{
    /// <summary>
    /// Writes the control characters of a message (escape sequences, bells) and the bidirectional overrides as
    /// <c>\u001B</c>-style escapes: an error echoes what was typed or read, and a terminal must not act on it.
    /// </summary>
    public static string Visible(string text) =>
        text.Any(IsHidden) ? string.Concat(text.Select(c => IsHidden(c) ? $"\\u{(int)c:X4}" : c.ToString())) : text;

    private static bool IsHidden(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t') || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    /// <summary>Writes <paramref name="text"/> as one or more lines, each wrapped.</summary>
    public static void Line(CliContext context, string text)
    {
        foreach (var line in Lines(text))
        {
            Wrapped(context, line, indent: 0, hanging: 0);
        }
    }

    /// <summary>Writes one line indented by <paramref name="indent"/>, its continuation lines by <paramref name="hanging"/>.</summary>
    public static void Wrapped(CliContext context, string text, int indent, int hanging)
    {
        var line = new System.Text.StringBuilder(new string(' ', indent));
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && context.Width is { } width && line.Length + 1 + word.Length > width)
            {
                context.Output.WriteLine(line.ToString());
                line.Clear().Append(' ', hanging);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            line.Append(word);
            empty = false;
        }

        context.Output.WriteLine(line.ToString());
    }

    public static string[] Lines(string text) => text.Split('\n');

    public static int LongestWord(string text) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(word => word.Length).DefaultIfEmpty(0).Max();
}
