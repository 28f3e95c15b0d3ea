using System.CommandLine.Parsing;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli;

/// <summary>Reads a <c>--currency</c> option: an ISO 4217 code in either case, or a usage error naming the nearest codes.</summary>
internal static class CurrencyCode
{
    public static string? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        var code = text.ToUpperInvariant();
        if (Currency.IsKnown(code))
        {
            return code;
        }

        var nearest = Spelling.Nearest(code, Currency.KnownCodes);
        result.AddError($"'{text}' is not an ISO 4217 currency code (such as KGS or USD).{Suggestions.DidYouMean(nearest)}");
        return null;
    }
}
