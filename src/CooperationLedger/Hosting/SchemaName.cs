using System.Text.RegularExpressions;

namespace CooperationLedger.Hosting;

/// <summary>Checks that a schema name is a plain identifier before it goes anywhere near SQL.</summary>
internal static partial class SchemaName
{
    public static string Validate(string? value, string parameterName)
    {
        if (value is null || !PlainIdentifier().IsMatch(value))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid schema name: use lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.",
                parameterName);
        }

        return value;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
