using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CooperationLedger.Facts;

/// <summary>
/// A party to reported cooperation: a country, an agency, an international organisation, another organisation, or a
/// person with the role held at the date of the fact. One actor can go by several names in the sources: its aliases.
/// </summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed partial record Actor
{
    /// <summary>Initializes an actor.</summary>
    /// <param name="id">A stable key: lower-case letters, digits and hyphens (<c>kg-gknb</c>).</param>
    /// <param name="kind">What kind of party it is.</param>
    /// <param name="name">Its name as the ledger shows it.</param>
    /// <param name="country">Its ISO 3166-1 alpha-2 country; required for countries and agencies.</param>
    /// <param name="role">For a person, the role held at the date of the fact.</param>
    /// <param name="memberOf">The key of the body the actor belongs to (an agency's ministry, a person's agency).</param>
    /// <param name="aliases">Other names the sources use for it.</param>
    /// <param name="wikidata">Its Wikidata item (<c>Q813</c> for Kyrgyzstan), where the actor registry gives one.</param>
    /// <exception cref="ArgumentException">A value is missing or malformed.</exception>
    [JsonConstructor]
    public Actor(string id, ActorKind kind, string name, string? country = null, string? role = null, string? memberOf = null, IReadOnlyList<string>? aliases = null, string? wikidata = null)
    {
        if (wikidata is not null && !WikidataItem().IsMatch(wikidata))
        {
            throw new ArgumentException($"'{wikidata}' is not a Wikidata item: write Q and its number (Q813).", nameof(wikidata));
        }

        if (id is null || !Key().IsMatch(id))
        {
            throw new ArgumentException($"'{id}' is not an actor key: use lower-case letters, digits and hyphens.", nameof(id));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown actor kind.");
        }

        if (country is null && kind is ActorKind.Country or ActorKind.Agency)
        {
            throw new ArgumentException($"A {kind.ToString().ToLowerInvariant()} needs its country code.", nameof(country));
        }

        if (memberOf is not null && !Key().IsMatch(memberOf))
        {
            throw new ArgumentException($"'{memberOf}' is not an actor key.", nameof(memberOf));
        }

        if (role is not null && kind != ActorKind.Person)
        {
            throw new ArgumentException("Only a person holds a role.", nameof(role));
        }

        Id = id;
        Kind = kind;
        Name = Preconditions.CheckText(name, nameof(name), 300);
        Country = country is null ? null : CountryCode.Check(country, nameof(country));
        Role = Preconditions.CheckOptionalText(role, nameof(role), 300);
        MemberOf = memberOf;
        Wikidata = wikidata;
        Aliases = Preconditions.CheckList(aliases ?? [], nameof(aliases)).Select(alias => Preconditions.CheckText(alias, nameof(aliases), 300)).ToArray();
    }

    /// <summary>Gets the actor's stable key.</summary>
    public string Id { get; }

    /// <summary>Gets what kind of party it is.</summary>
    public ActorKind Kind { get; }

    /// <summary>Gets its name.</summary>
    public string Name { get; }

    /// <summary>Gets its ISO 3166-1 alpha-2 country, if any.</summary>
    public string? Country { get; }

    /// <summary>Gets, for a person, the role held at the date of the fact.</summary>
    public string? Role { get; }

    /// <summary>Gets the key of the body it belongs to, if any.</summary>
    public string? MemberOf { get; }

    /// <summary>Gets the other names the sources use for it.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Gets its Wikidata item, if the actor registry gives one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Wikidata { get; }

    /// <summary>Tells whether this actor goes by <paramref name="keyOrName"/>: its key, its name or an alias, ignoring case.</summary>
    /// <param name="keyOrName">The text to match.</param>
    /// <returns><see langword="true"/> on a match.</returns>
    public bool IsNamed(string keyOrName) =>
        string.Equals(Id, keyOrName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Name, keyOrName, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(alias => string.Equals(alias, keyOrName, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public bool Equals(Actor? other) =>
        other is not null && Id == other.Id && Kind == other.Kind && Name == other.Name && Country == other.Country
        && Role == other.Role && MemberOf == other.MemberOf && Aliases.SequenceEqual(other.Aliases);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Name, Country, Role, MemberOf);

    /// <inheritdoc/>
    public override string ToString() => Role is null ? Name : $"{Name}, {Role}";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Key();

    [GeneratedRegex("^Q[1-9][0-9]{0,11}$")]
    private static partial Regex WikidataItem();
}
