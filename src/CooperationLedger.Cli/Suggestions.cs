using System.CommandLine;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli;

/// <summary>"Did you mean": the commands, options and values nearest to what was typed.</summary>
internal static class Suggestions
{
    /// <summary>Gets " Did you mean 'a' or 'b'?", or nothing when there is nothing near.</summary>
    public static string DidYouMean(IReadOnlyList<string> nearest) => Spelling.DidYouMean(nearest);

    /// <summary>
    /// Gets what a token the parser did not match was likely meant as: the subcommands and options of the command it
    /// was given to (with the options every command takes), nearest first.
    /// </summary>
    public static IReadOnlyList<string> For(ParseResult parse, string token)
    {
        var command = parse.CommandResult.Command;
        var names = command.Subcommands.SelectMany(sub => sub.Aliases.Prepend(sub.Name))
            .Concat(token.StartsWith('-')
                ? command.Options.Concat(parse.RootCommandResult.Command.Options.Where(option => option.Recursive)).SelectMany(option => option.Aliases.Prepend(option.Name))
                : []);
        return Nearest(token, names);
    }

    /// <summary>
    /// Gets the candidates nearest to <paramref name="token"/>, at most three: those it begins (<c>db stat</c> for
    /// <c>status</c>) first, however far their spelling, then the nearest spellings.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string token, IEnumerable<string> names)
    {
        var candidates = names.Distinct(StringComparer.Ordinal).ToArray();
        var begun = token.TrimStart('-').Length >= 3 ? candidates.Where(name => name.StartsWith(token, StringComparison.OrdinalIgnoreCase) && name != token) : [];
        return [.. begun.Concat(Spelling.Nearest(token, candidates)).Distinct(StringComparer.Ordinal).Take(3)];
    }
}
