using System.Text.RegularExpressions;

namespace CooperationLedger.Storage;

/// <summary>Checks that a schema name is a plain identifier before it goes anywhere near SQL.</summary>
internal static partial class SchemaName
{
    /// <summary>The schema a ledger of its own keeps its tables in when none is given.</summary>
    public const string Default = "cooperation_ledger";

    public static string Validate(string? value, string parameterName)
    {
        if (value is null || !PlainIdentifier().IsMatch(value))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid schema name: use lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.",
                parameterName);
        }

        // PostgreSQL reserves the pg_ prefix for its system schemas and keeps the information schema for itself: a
        // ledger there would sit among the catalog's tables, or fail on CREATE SCHEMA.
        if (value.StartsWith("pg_", StringComparison.Ordinal) || value == "information_schema")
        {
            throw new ArgumentException($"'{value}' is PostgreSQL's own schema name (pg_ names and information_schema are reserved): choose another.", parameterName);
        }

        return value;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
