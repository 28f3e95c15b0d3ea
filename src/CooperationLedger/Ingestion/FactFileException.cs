namespace CooperationLedger.Ingestion;

/// <summary>
/// The exception thrown when fact files are refused: it lists every error found, each naming its file, fact, field and
/// reason. Nothing is appended for a document with any error.
/// </summary>
public sealed class FactFileException : Exception
{
    /// <summary>Initializes a new instance from the errors found.</summary>
    /// <param name="errors">The errors, at least one.</param>
    public FactFileException(IReadOnlyList<FactFileError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Gets every error found.</summary>
    public IReadOnlyList<FactFileError> Errors { get; }

    private static string Describe(IReadOnlyList<FactFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? $"A fact file was refused: {errors[0]}"
            : $"{errors.Count} errors in fact files:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Select(error => "  " + error))}";
    }
}
