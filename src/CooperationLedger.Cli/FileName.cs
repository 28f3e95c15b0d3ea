using System.CommandLine;

namespace CooperationLedger.Cli;

/// <summary>An option that names a file to write (<c>--output</c>, <c>--html</c>): an empty name is a usage error, not a file.</summary>
internal static class FileName
{
    /// <summary>Refuses an empty or blank name for <paramref name="option"/>.</summary>
    public static Option<string?> Required(Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[0].Value))
            {
                result.AddError($"{option.Name} takes the name of a file to write; '{result.Tokens[0].Value}' names none.");
            }
        });
        return option;
    }
}
