namespace CooperationLedger.Facts;

/// <summary>
/// What an actor key names in the whole ledger: one entity, of the kind and country the first document that used the key
/// declared, a member of the body that declaration names (or the first later one that names one), under every name any
/// document gave it. Facts carry their actors whole, so without this record two documents could give one key to two
/// entities (<c>cn</c> for China in one, Canada in another), and every answer by that key would add them up. Sources name
/// one entity in several ways, so two declarations name the same entity when their kind and country agree and a name of
/// one is a name of the other (its name or an alias, ignoring case and Unicode form).
/// </summary>
/// <param name="Id">The actor key.</param>
/// <param name="Kind">What kind of party it is.</param>
/// <param name="Name">Its name, as first declared.</param>
/// <param name="Country">Its country, if any.</param>
/// <param name="Aliases">Its other names, from every declaration.</param>
/// <param name="DeclaredIn">The document that first declared it.</param>
/// <param name="MemberOf">The key of the body it is a member of, if a declaration names one.</param>
internal sealed record ActorRegistration(string Id, ActorKind Kind, string Name, string? Country, IReadOnlyList<string> Aliases, string DeclaredIn, string? MemberOf = null)
{
    /// <summary>Gets the terms the register finds it by: its key, name and aliases (see <see cref="ActorTerms.ForName"/>).</summary>
    public IReadOnlyList<string> Terms => AllNames.Prepend(Id).Select(ActorTerms.ForName).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Gets its name and aliases.</summary>
    /// <summary>Gets its name and aliases.</summary>
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);

    /// <summary>Gets the declaration of <paramref name="actor"/> by the document <paramref name="declaredIn"/>.</summary>
    public static ActorRegistration Of(Actor actor, string declaredIn) =>
        new(actor.Id, actor.Kind, actor.Name, actor.Country, actor.Aliases, declaredIn, actor.MemberOf);

    /// <summary>Tells whether <paramref name="text"/> is its key, its name or an alias, ignoring case and Unicode form.</summary>
    public bool IsNamed(string text) => Terms.Contains(ActorTerms.ForName(text), StringComparer.Ordinal);

    /// <summary>Tells whether a declaration names the same entity as this registration.</summary>
    public bool SameEntity(ActorRegistration other) =>
        Kind == other.Kind && Country == other.Country && other.AllNames.Any(IsNamed);

    /// <summary>
    /// Tells whether <paramref name="later"/>, a declaration of the same entity, adds to this registration: a name it lacks,
    /// or a body where it names none.
    /// </summary>
    public bool IsAddedToBy(ActorRegistration later) =>
        (MemberOf is null && later.MemberOf is not null) || later.AllNames.Any(name => !IsNamed(name));

    /// <summary>Adds what <paramref name="later"/>, a declaration of the same entity, adds (<see cref="IsAddedToBy"/>).</summary>
    public ActorRegistration Merge(ActorRegistration later) => IsAddedToBy(later)
        ? this with
        {
            Aliases = [.. Aliases, .. later.AllNames.Where(name => !IsNamed(name)).DistinctBy(ActorTerms.ForName)],
            MemberOf = MemberOf ?? later.MemberOf,
        }
        : this;

    /// <summary>Describes it for an error message: kind, name and country.</summary>
    public string Describe() => $"{Kind.ToString().ToLowerInvariant()} '{Name}'" + (Country is null ? string.Empty : $" ({Country})");
}
