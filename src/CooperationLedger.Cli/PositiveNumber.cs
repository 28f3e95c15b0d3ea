using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CooperationLedger.Cli;

/// <summary>
/// Reads an option's whole number itself, so that a token that is none, or one out of range, gets a usage error in
/// words ("--top takes a whole number from 1 to 2,147,483,647"), never the parser's type name.
/// </summary>
internal static class PositiveNumber
{
    /// <summary>Requires the option's number to be at least 1.</summary>
    public static Option<int> Required(Option<int> option) => From(option, 1);

    /// <summary>Requires the option's number to be at least <paramref name="minimum"/>.</summary>
    public static Option<int> From(Option<int> option, int minimum)
    {
        option.CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum)
            {
                return value;
            }

            var name = (result.Parent as OptionResult)?.Option.Name ?? option.Name;
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} takes a whole number from {minimum:#,0} to {int.MaxValue:#,0}; '{text}' is not one."));
            return default;
        };
        return option;
    }
}
