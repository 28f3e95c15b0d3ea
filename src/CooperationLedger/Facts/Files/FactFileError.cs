namespace CooperationLedger.Facts;

/// <summary>One thing wrong with a fact file: which file, which fact, which field, and why.</summary>
/// <param name="File">The file's path.</param>
/// <param name="Fact">The fact's key (or its position, <c>#3</c>, when it has no key); <see langword="null"/> for the document part.</param>
/// <param name="Field">The field, as a path (<c>citation.quote</c>); <see langword="null"/> when the whole file is at fault.</param>
/// <param name="Reason">What is wrong, in a sentence.</param>
/// <param name="Line">The line in the file, where known.</param>
public sealed record FactFileError(string File, string? Fact, string? Field, string Reason, int? Line = null)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        var fact = Fact is null ? string.Empty : $" fact '{Fact}'";
        var field = Field is null ? string.Empty : $" field '{Field}'";
        return fact.Length + field.Length == 0 ? $"{where}: {Reason}" : $"{where}:{fact}{field}: {Reason}";
    }
}
