using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Resolution;

/// <summary>
/// What every projected fact keeps for as-of queries: its id, key, type, dates, stage, matter, when its document was
/// published, when it was recorded, the revisions made to it, and integer copies of its bounds for indexed filtering in
/// PostgreSQL. It keeps no copy of the citation: <see cref="Source"/> says where the event is, and answers load the
/// citations of the facts they name from there.
/// </summary>
internal abstract record LedgerEntry
{
    public Guid Id { get; init; }

    public string Key { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public ReportedDate Effective { get; init; } = null!;

    public Stage Stage { get; init; }

    public string? Matter { get; init; }

    /// <summary>Gets when the fact's document was published: the fact's known date.</summary>
    public ReportedDate PublishedOn { get; init; } = null!;

    /// <summary>Gets where the fact's event is stored; <see langword="null"/> for an entry folded in memory.</summary>
    public StreamPosition? Source { get; init; }

    /// <summary>Gets the figure the fact asserts, for comparing sources (see <see cref="FactSignature"/>).</summary>
    public string? Signature { get; init; }

    /// <summary>
    /// Gets the scale the figure is compared in (see <see cref="FactSignature.Comparison"/>); <see langword="null"/>
    /// for a fact with no figure, or an entry projected before figures were compared by meaning, which compares by
    /// <see cref="Signature"/>.
    /// </summary>
    public string? ComparedScale { get; init; }

    /// <summary>Gets the figure in <see cref="ComparedScale"/>, normalised (units, spelling).</summary>
    public string? ComparedFigure { get; init; }

    /// <summary>Gets when a promise or expectation is due, if the source says (see <see cref="IReportedFact.Expected"/>).</summary>
    public ReportedDate? Expected { get; init; }

    /// <summary>Gets the fact's typed links to other facts.</summary>
    public IReadOnlyList<FactLink> Links { get; init; } = [];

    public Instant RecordedAt { get; init; }

    public IReadOnlyList<EntryRevision> Revisions { get; init; } = [];

    /// <summary>Copies the parts every fact shares from the event and its metadata.</summary>
    protected static TEntry Fill<TEntry>(TEntry entry, IReportedFact fact, Instant recordedAt)
        where TEntry : LedgerEntry => entry with
        {
            Id = fact.FactId,
            Key = fact.Key,
            Type = FactCatalog.NameOf(fact),
            Effective = fact.Effective,
            Stage = fact.Stage,
            Matter = fact.Matter,
            PublishedOn = fact.Citation.Document.PublishedOn,
            Signature = FactSignature.Of(fact),
            ComparedScale = FactSignature.Comparison(fact)?.Scale,
            ComparedFigure = FactSignature.Comparison(fact)?.Figure,
            Links = fact.Links ?? [],
            Expected = fact.Expected,
            RecordedAt = recordedAt,
        };

    /// <summary>Gets what the figure is compared by, falling back to the signature for an entry projected before.</summary>
    /// <remarks>Read from the stored columns, never stored itself: a tuple's fields would be written as an empty object.</remarks>
    [System.Text.Json.Serialization.JsonIgnore]
    public (string Scale, string Figure)? Comparison =>
        ComparedScale is not null && ComparedFigure is not null ? (ComparedScale, ComparedFigure)
        : Signature is not null ? (Type, Signature) : null;

    /// <summary>Adds a revision; the as-of check in memory decides which revisions apply at a point.</summary>
    public LedgerEntry WithRevision(EntryRevision revision) => this with { Revisions = [.. Revisions, revision] };
}
