namespace CooperationLedger.Facts;

/// <summary>
/// The exception thrown when fact files, or facts built in code, are refused: it lists every error found, each naming
/// its file (for facts built in code, their document), fact, field and reason. Nothing is appended for a document with
/// any error.
/// </summary>
public sealed class FactFileException : Exception
{
    /// <summary>Initializes a new instance from the errors found in fact files.</summary>
    /// <param name="errors">The errors, at least one.</param>
    public FactFileException(IReadOnlyList<FactFileError> errors)
        : this(errors, builtInCode: false)
    {
    }

    /// <summary>Initializes a new instance from the errors found in fact files, or in facts built in code.</summary>
    internal FactFileException(IReadOnlyList<FactFileError> errors, bool builtInCode)
        : base(builtInCode ? Describe(errors, "Facts built in code were refused", "facts built in code") : Describe(errors, "A fact file was refused", "fact files"))
    {
        Errors = errors;
    }

    /// <summary>Gets every error found.</summary>
    public IReadOnlyList<FactFileError> Errors { get; }

    private static string Describe(IReadOnlyList<FactFileError> errors, string refused, string what)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? $"{refused}: {errors[0]}"
            : $"{errors.Count} errors in {what}:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Select(error => "  " + error))}";
    }
}
