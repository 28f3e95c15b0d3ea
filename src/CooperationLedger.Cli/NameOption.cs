using System.CommandLine;

namespace CooperationLedger.Cli;

/// <summary>
/// An option that names something (a file to write, a document, an outlet, a metric, a matter): an empty or blank name
/// is a usage error, never taken for no filter or no file.
/// </summary>
internal static class NameOption
{
    /// <summary>Refuses an empty or blank value for <paramref name="option"/>, which names <paramref name="what"/>.</summary>
    public static Option<string?> NonBlank(Option<string?> option, string what)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[0].Value))
            {
                result.AddError($"{option.Name} takes {what}; '{result.Tokens[0].Value}' names none.");
            }
        });
        return option;
    }

    /// <summary>Refuses an empty or blank name for <paramref name="option"/>.</summary>
    public static Option<string?> FileToWrite(Option<string?> option) => NonBlank(option, "the name of a file to write");
}
