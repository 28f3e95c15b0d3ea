using System.CommandLine;
using System.CommandLine.Parsing;

namespace CooperationLedger.Cli;

/// <summary>
/// An option or argument that takes one of a few words (<c>--format csv</c>, <c>--rule possibly</c>,
/// <c>completion bash</c>): read in any case, completed by the shell, and refused in the tool's one style, with the
/// words it takes and the nearest of them ("--format 'cvs' is none of csv, json, prov. Did you mean 'csv'?"), never
/// the parser's own list.
/// </summary>
internal static class Choice
{
    /// <summary>Makes <paramref name="option"/> take one of <paramref name="words"/>.</summary>
    public static Option<string> Among(Option<string> option, params string[] words)
    {
        option.CustomParser = result => Read(result, option.Name, words);
        option.CompletionSources.Add(words);
        return option;
    }

    /// <summary>Makes <paramref name="argument"/> take one of <paramref name="words"/>.</summary>
    public static Argument<string> Among(Argument<string> argument, params string[] words)
    {
        argument.CustomParser = result => Read(result, argument.Name, words);
        argument.CompletionSources.Add(words);
        return argument;
    }

    private static string? Read(ArgumentResult result, string name, string[] words)
    {
        var text = result.Tokens.Single().Value;
        var word = words.FirstOrDefault(word => string.Equals(word, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (word is not null)
        {
            return word;
        }

        result.AddError($"{name} '{text}' is none of {string.Join(", ", words)}.{Suggestions.DidYouMean(Suggestions.Nearest(text.Trim().ToLowerInvariant(), words))}");
        return null;
    }
}
