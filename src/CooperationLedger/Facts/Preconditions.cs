namespace CooperationLedger.Facts;

/// <summary>Argument checks made once, at the public edge, so that an invalid value cannot exist.</summary>
internal static class Preconditions
{
    /// <summary>The longest text a single field may hold (a quote, a title, a name).</summary>
    public const int MaxTextLength = 4000;

    public static string CheckText(string? value, string parameterName, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A value is required and may not be blank.", parameterName);
        }

        return CheckOptionalText(value, parameterName, maxLength)!;
    }

    public static string? CheckOptionalText(string? value, string parameterName, int maxLength = MaxTextLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"The text is {value.Length} characters long; at most {maxLength} are allowed.", parameterName);
        }

        foreach (var character in value)
        {
            if (char.IsControl(character) && character is not ('\n' or '\t'))
            {
                throw new ArgumentException($"The text holds the control character U+{(int)character:X4}.", parameterName);
            }
        }

        return value;
    }

    public static IReadOnlyList<T> CheckList<T>(IEnumerable<T>? values, string parameterName, bool allowEmpty = true)
    {
        if (values is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        var list = values.ToArray();
        if (!allowEmpty && list.Length == 0)
        {
            throw new ArgumentException("At least one value is required.", parameterName);
        }

        if (list.Any(item => item is null))
        {
            throw new ArgumentException("The list holds a null entry.", parameterName);
        }

        return list;
    }
}
