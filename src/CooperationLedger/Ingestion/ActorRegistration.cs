using CooperationLedger.Actors;
using CooperationLedger.Facts;
using Marten;
using Npgsql;

namespace CooperationLedger.Ingestion;

/// <summary>
/// What an actor key names in the whole ledger: one entity, of the kind and country the documents that use the key
/// declared for it, under the names they gave it. Facts carry their actors whole, so without this record two documents
/// could give one key to two entities (<c>cn</c> for China in one, Canada in another), and every answer by that key
/// would add them up. Sources name one entity in several ways, so two declarations name the same entity when their
/// kind and country agree and a name of one is a name of the other (its name or an alias, ignoring case).
/// </summary>
/// <param name="Id">The actor key.</param>
/// <param name="Kind">What kind of party it is.</param>
/// <param name="Name">Its name.</param>
/// <param name="Country">Its country, if any.</param>
/// <param name="Aliases">Its other names.</param>
/// <param name="DeclaredIn">The document that last declared it so.</param>
internal sealed record ActorRegistration(string Id, ActorKind Kind, string Name, string? Country, IReadOnlyList<string> Aliases, string DeclaredIn)
{
    /// <summary>The first key of the advisory locks of actor keys ("LDGA"), apart from the ledger's other advisory locks.</summary>
    private const int LockClass = 0x4C444741;

    /// <summary>Gets the registrations of the actors a document's facts involve, one per key.</summary>
    public static IEnumerable<ActorRegistration> Of(ParsedFactFile file) =>
        file.Events.OfType<IReportedFact>()
            .SelectMany(FactActors.Of)
            .Concat(file.Events.Select(e => e.Citation.AttributedTo).OfType<Actor>())
            .DistinctBy(actor => actor.Id)
            .Select(actor => new ActorRegistration(actor.Id, actor.Kind, actor.Name, actor.Country, actor.Aliases, file.Document.Key));

    /// <summary>
    /// Checks that every actor key of <paramref name="files"/> names the same entity in each of them and in the ledger
    /// (with <paramref name="pending"/>, registrations about to be committed by another transaction); adds an error
    /// naming both places for each that does not, and returns the registrations to store. Where
    /// <paramref name="session"/> is <see langword="null"/> (a ledger with no registrations table yet), the ledger is
    /// taken to hold none.
    /// </summary>
    public static async Task<IReadOnlyList<ActorRegistration>> CheckAsync(IQuerySession? session, IReadOnlyList<ParsedFactFile> files, List<FactFileError> errors, IReadOnlyDictionary<string, ActorRegistration>? pending, CancellationToken cancellationToken)
    {
        var declared = files.SelectMany(file => Of(file).Select(registration => (File: file, Registration: registration))).ToArray();
        var keys = declared.Select(pair => pair.Registration.Id).Distinct(StringComparer.Ordinal).ToArray();
        var stored = keys.Length == 0 || session is null
            ? new Dictionary<string, ActorRegistration>(StringComparer.Ordinal)
            : (await session.LoadManyAsync<ActorRegistration>(cancellationToken, keys).ConfigureAwait(false)).ToDictionary(registration => registration.Id, StringComparer.Ordinal);
        foreach (var (key, registration) in pending ?? new Dictionary<string, ActorRegistration>())
        {
            stored.TryAdd(key, registration);
        }

        var first = new Dictionary<string, (ParsedFactFile File, ActorRegistration Registration)>(StringComparer.Ordinal);
        foreach (var (file, registration) in declared)
        {
            if (stored.TryGetValue(registration.Id, out var known) && !known.SameEntity(registration))
            {
                errors.Add(new FactFileError(file.Path, null, $"actors.{registration.Id}", $"declares '{registration.Id}' as {registration.Describe()}, but the ledger holds it as {known.Describe()} (declared in document '{known.DeclaredIn}'): an actor key names one entity in the whole ledger; give this one another key."));
            }
            else if (first.TryGetValue(registration.Id, out var earlier) && !earlier.Registration.SameEntity(registration))
            {
                errors.Add(new FactFileError(file.Path, null, $"actors.{registration.Id}", $"declares '{registration.Id}' as {registration.Describe()}, but {earlier.File.Path} declares it as {earlier.Registration.Describe()}: an actor key names one entity in the whole ledger; give one of them another key."));
            }
            else
            {
                first.TryAdd(registration.Id, (file, registration));
            }
        }

        return [.. first.Values.Select(pair => pair.Registration).Where(registration => !stored.ContainsKey(registration.Id))];
    }

    /// <summary>
    /// Adds to the session, in its transaction, the registrations of the document's actors that the ledger does not
    /// hold yet (see <see cref="ClaimAsync"/>): a key is registered by the first document that uses it.
    /// </summary>
    /// <exception cref="FactFileException">Another writer registered one of the keys for another entity meanwhile.</exception>
    public static async Task RegisterAsync(IDocumentSession session, ParsedFactFile file, CancellationToken cancellationToken)
    {
        var declared = Of(file).ToArray();
        var stored = (await session.LoadManyAsync<ActorRegistration>(cancellationToken, declared.Select(registration => registration.Id)).ConfigureAwait(false))
            .Select(registration => registration.Id)
            .ToHashSet(StringComparer.Ordinal);
        var fresh = declared.Where(registration => !stored.Contains(registration.Id)).ToArray();
        if (fresh.Length == 0)
        {
            return;
        }

        await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<FactFileError>();
        var claimed = await ClaimAsync(session, session.Connection!, fresh, _ => file.Path, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            throw FactFileException.Of(errors, [file]);
        }

        if (claimed.Count > 0)
        {
            session.Store([.. claimed]);
        }
    }

    /// <summary>
    /// Claims keys to register, in the connection's open transaction: takes a lock per key (in key order, held until
    /// the transaction ends), so that two writers registering one key take turns, then reads what was committed by
    /// now. A key another writer registered meanwhile is left to it, or, for another entity, refused; the rest are
    /// returned, to be stored in this transaction. Keys already registered need no lock: a registration never changes.
    /// </summary>
    public static async Task<IReadOnlyList<ActorRegistration>> ClaimAsync(IDocumentSession session, NpgsqlConnection connection, IReadOnlyList<ActorRegistration> fresh, Func<ActorRegistration, string> pathOf, List<FactFileError> errors, CancellationToken cancellationToken)
    {
        var ordered = fresh.OrderBy(registration => registration.Id, StringComparer.Ordinal).ToArray();
        foreach (var registration in ordered)
        {
            await using var command = new NpgsqlCommand("select pg_advisory_xact_lock($1, hashtext($2))", connection)
            {
                Parameters = { new() { Value = LockClass }, new() { Value = registration.Id } },
            };
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var meanwhile = (await session.LoadManyAsync<ActorRegistration>(cancellationToken, ordered.Select(registration => registration.Id)).ConfigureAwait(false))
            .ToDictionary(registration => registration.Id, StringComparer.Ordinal);
        foreach (var registration in ordered)
        {
            if (meanwhile.TryGetValue(registration.Id, out var other) && !other.SameEntity(registration))
            {
                errors.Add(new FactFileError(pathOf(registration), null, $"actors.{registration.Id}", $"declares '{registration.Id}' as {registration.Describe()}, but another ingest has just registered it as {other.Describe()} (declared in document '{other.DeclaredIn}'): an actor key names one entity in the whole ledger; give this one another key."));
            }
        }

        return [.. ordered.Where(registration => !meanwhile.ContainsKey(registration.Id))];
    }

    private bool SameEntity(ActorRegistration other) =>
        Kind == other.Kind && Country == other.Country && Names.Intersect(other.Names, StringComparer.OrdinalIgnoreCase).Any();

    /// <summary>Gets its names in one Unicode form (NFC), so that "Chiña" typed with a combining tilde is the same name.</summary>
    private IEnumerable<string> Names => Aliases.Prepend(Name).Select(name => name.Normalize(System.Text.NormalizationForm.FormC));

    private string Describe() => $"{Kind.ToString().ToLowerInvariant()} '{Name}'" + (Country is null ? string.Empty : $" ({Country})");
}
