using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>A typed link from a fact to another fact, named by its key.</summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed partial record FactLink
{
    /// <summary>Initializes a link.</summary>
    /// <param name="kind">How the fact stands to the other.</param>
    /// <param name="target">The other fact's key, <c>document-key/fact-key</c>; it may be of a document not yet ingested.</param>
    /// <exception cref="ArgumentException">The kind is unknown, or the target is not a full fact key.</exception>
    [JsonConstructor]
    public FactLink(LinkKind kind, string target)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown link kind.");
        }

        var parts = Preconditions.CheckText(target, nameof(target), 300).Split('/');
        if (parts.Length != 2 || !parts.All(part => Key().IsMatch(part)))
        {
            throw new ArgumentException($"'{target}' is not a fact key: write document-key/fact-key, or a key of the same document.", nameof(target));
        }

        Kind = kind;
        Target = target;
    }

    /// <summary>Gets how the fact stands to the other.</summary>
    public LinkKind Kind { get; }

    /// <summary>Gets the other fact's key, <c>document-key/fact-key</c>.</summary>
    public string Target { get; }

    /// <summary>Gets the other fact's id, as every answer's sources give it.</summary>
    [JsonIgnore]
    public Guid TargetId => FactIds.ForKey(Target);

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Target}";

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex Key();
}
