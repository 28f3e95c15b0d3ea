using System.CommandLine;
using System.Globalization;

namespace CooperationLedger.Cli;

/// <summary>
/// Requires an option's whole number to be at least 1. The check reads the token itself: a token that is no whole number
/// is refused by the parser, with its own usage error, and asking the result for its value then would throw.
/// </summary>
internal static class PositiveNumber
{
    public static Option<int> Required(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value < 1)
            {
                result.AddError($"{option.Name} must be a whole number of at least 1.");
            }
        });
        return option;
    }
}
