using System.Text.RegularExpressions;

namespace CooperationLedger.Storage;

/// <summary>Checks a tenant id before it is used: lower-case letters, digits, hyphens and underscores, at most 63.</summary>
internal static partial class TenantId
{
    public static string Validate(string? value, string parameterName) =>
        value is not null && Pattern().IsMatch(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a valid tenant id: use lower-case letters, digits, hyphens and underscores, starting with a letter or digit, at most 63 characters.", parameterName);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex Pattern();
}
