using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>
/// Reading one fact of a fact file: its fields, its document, and the values every kind reads the same way (the file's
/// actors, dates with their precision, amounts of money). Errors are recorded, never thrown (see <see cref="IFactFields"/>).
/// </summary>
internal interface IFactReading
{
    /// <summary>Gets the fact's fields.</summary>
    IFactFields Fields { get; }

    /// <summary>Gets the document the fact is from.</summary>
    SourceDocument Document { get; }

    /// <summary>Gets the day relative dates resolve against by default: the publication's earliest day.</summary>
    LocalDate? PublicationDay => Document.PublishedOn.Earliest ?? Document.PublishedOn.Latest;

    /// <summary>Reads a field naming one of the file's actors.</summary>
    Actor? Actor(string name, bool required = true);

    /// <summary>Reads a field listing the file's actors, at least <paramref name="minimum"/> and none twice.</summary>
    IReadOnlyList<Actor> ActorList(string name, int minimum);

    /// <summary>Finds one of the file's actors by its key, recording an error at field <paramref name="name"/> of <paramref name="fields"/> when there is none.</summary>
    Actor? Resolve(IFactFields fields, string name, string id);

    /// <summary>Reads a date with its precision; relative phrases resolve against <paramref name="anchor"/>.</summary>
    ReportedDate? Date(IFactFields fields, string name, bool required, LocalDate? anchor);

    /// <summary>Reads an amount of money with its approximation and stated equivalents.</summary>
    MoneyAmount? Money(IFactFields fields, string name);
}
