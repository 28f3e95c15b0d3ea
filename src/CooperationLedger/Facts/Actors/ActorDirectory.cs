namespace CooperationLedger.Facts;

/// <summary>
/// The actors a ledger knows, one <see cref="ActorRegistration"/> a key, and how a user's text picks some of them out
/// (<see cref="Select"/>). The ledger keeps its register in the store and loads the part a question needs; a replay of
/// the events builds the whole of it from the declarations, in the order recorded.
/// </summary>
/// <remarks>Not thread-safe while declarations are added.</remarks>
internal sealed class ActorDirectory
{
    private readonly Dictionary<string, ActorRegistration> registrations = new(StringComparer.Ordinal);

    /// <param name="registrations">What is known: registrations, or declarations in the order they were made.</param>
    public ActorDirectory(IEnumerable<ActorRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            Declare(registration);
        }
    }

    /// <summary>Gets a directory that knows no actor: a text then names only the country whose ISO code it is.</summary>
    public static ActorDirectory Empty => new([]);

    /// <summary>Gets the registrations, one a key.</summary>
    public IReadOnlyCollection<ActorRegistration> Registrations => registrations.Values;

    /// <summary>
    /// Adds a declaration: the first of a key registers it; a later one adds the names and the body the registration lacks
    /// (<see cref="ActorRegistration.Merge"/>).
    /// </summary>
    public void Declare(ActorRegistration declared) =>
        registrations[declared.Id] = registrations.TryGetValue(declared.Id, out var known) ? known.Merge(declared) : declared;

    /// <summary>Gets the actors <paramref name="text"/> names (see <see cref="ActorSelection"/>).</summary>
    /// <param name="text">
    /// A key, name, alias or ISO country code, without the white space typed around it; <see langword="null"/> to name
    /// no one in particular.
    /// </param>
    /// <returns>The selection, or <see langword="null"/> when <paramref name="text"/> is.</returns>
    public ActorSelection? Select(string? text)
    {
        if (text is null)
        {
            return null;
        }

        text = text.Trim();
        var named = registrations.Values.Where(registration => registration.IsNamed(text)).ToArray();
        var code = text.ToUpperInvariant();
        var countries = named.Where(registration => registration.Kind == ActorKind.Country).Select(registration => registration.Country).OfType<string>()
            .Concat(CountryCode.IsKnown(code) ? [code] : [])
            .ToHashSet(StringComparer.Ordinal);
        var members = registrations.Values.Where(registration => registration.Country is null && countries.Contains(CountryOfBody(registration) ?? string.Empty));
        return new ActorSelection(named.Concat(members).Select(registration => registration.Id), countries);
    }

    /// <summary>
    /// Gets the country an actor of no country of its own belongs to: that of the body it is a member of, or, where that
    /// body has none either, of the body that body is a member of, and so on.
    /// </summary>
    private string? CountryOfBody(ActorRegistration registration)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { registration.Id };
        for (var body = registration.MemberOf; body is not null && seen.Add(body); body = registrations.GetValueOrDefault(body)?.MemberOf)
        {
            if (registrations.GetValueOrDefault(body)?.Country is { } country)
            {
                return country;
            }
        }

        return null;
    }
}
