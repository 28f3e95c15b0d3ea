using CooperationLedger.Facts;
using CooperationLedger.Reading;
using Marten;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// The ledger's register of actor keys in the store, one <see cref="ActorRegistration"/> a key: checked and added to by
/// every append, in the append's transaction; read by every question that names an actor, to know what the text names
/// (<see cref="LoadAsync"/>); written whole again by a rebuild (<see cref="MendAsync"/>).
/// </summary>
internal static class ActorRegistry
{
    /// <summary>
    /// The condition that a registration is of an actor of no country of its own that is a member of a body, as its
    /// partial index states it: the planner uses that index only for this very condition.
    /// </summary>
    public const string Members = "country is null and member_of is not null";

    /// <summary>The first key of the advisory locks of actor keys ("LDGA"), apart from the ledger's other advisory locks.</summary>
    private const int LockClass = 0x4C444741;

    /// <summary>Gets the declarations of the actors a document's events involve, one per key, merged.</summary>
    public static IReadOnlyCollection<ActorRegistration> Of(ParsedFactFile file)
    {
        var directory = ActorDirectory.Empty;
        foreach (var e in file.Events)
        {
            directory.Declare(e);
        }

        return directory.Registrations;
    }

    /// <summary>
    /// Checks that every actor key of <paramref name="files"/> names the same entity in each of them and in the ledger
    /// (with <paramref name="pending"/>, registrations about to be committed by another transaction); adds an error
    /// naming both places for each that does not, and returns the declarations that add to the register: of keys it does
    /// not hold, or with names or a body it lacks. Where <paramref name="session"/> is <see langword="null"/> (a ledger
    /// with no registrations table yet), the ledger is taken to hold none.
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
            // What another transaction is about to commit holds at least what is stored.
            stored[key] = registration;
        }

        var merged = new Dictionary<string, (ParsedFactFile File, ActorRegistration Registration)>(StringComparer.Ordinal);
        foreach (var (file, registration) in declared)
        {
            if (stored.TryGetValue(registration.Id, out var known) && !known.SameEntity(registration))
            {
                errors.Add(new FactFileError(file.Path, null, $"actors.{registration.Id}", $"declares '{registration.Id}' as {registration.Describe()}, but the ledger holds it as {known.Describe()} (declared in document '{known.DeclaredIn}'): an actor key names one entity in the whole ledger; give this one another key."));
            }
            else if (merged.TryGetValue(registration.Id, out var earlier) && !earlier.Registration.SameEntity(registration))
            {
                errors.Add(new FactFileError(file.Path, null, $"actors.{registration.Id}", $"declares '{registration.Id}' as {registration.Describe()}, but {earlier.File.Path} declares it as {earlier.Registration.Describe()}: an actor key names one entity in the whole ledger; give one of them another key."));
            }
            else
            {
                merged[registration.Id] = merged.ContainsKey(registration.Id) ? (earlier.File, earlier.Registration.Merge(registration)) : (file, registration);
            }
        }

        return [.. merged.Values.Select(pair => pair.Registration).Where(registration => !stored.TryGetValue(registration.Id, out var known) || known.IsAddedToBy(registration))];
    }

    /// <summary>
    /// Adds to the session, in its transaction, the document's actors the register does not hold yet, and the names and
    /// bodies it lacks of those it holds (see <see cref="ClaimAsync"/>): a key is registered by the first document that
    /// uses it, and what later ones add to it is added.
    /// </summary>
    /// <exception cref="FactFileException">Another writer registered one of the keys for another entity meanwhile.</exception>
    public static async Task RegisterAsync(IDocumentSession session, ParsedFactFile file, CancellationToken cancellationToken)
    {
        var declared = Of(file);
        var stored = (await session.LoadManyAsync<ActorRegistration>(cancellationToken, declared.Select(registration => registration.Id)).ConfigureAwait(false))
            .ToDictionary(registration => registration.Id, StringComparer.Ordinal);
        var adding = declared.Where(registration => !stored.TryGetValue(registration.Id, out var known) || known.IsAddedToBy(registration)).ToArray();
        if (adding.Length == 0)
        {
            return;
        }

        await session.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<FactFileError>();
        var claimed = await ClaimAsync(session, session.Connection!, adding, _ => file.Path, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            throw ParsedFactFile.Refusal(errors, [file]);
        }

        if (claimed.Count > 0)
        {
            session.Store([.. claimed]);
        }
    }

    /// <summary>
    /// Claims the keys that <paramref name="adding"/> registers or adds to, in the connection's open transaction: takes a
    /// lock per key (in key order, held until the transaction ends), so that two writers of one key take turns, then
    /// reads what was committed by now. A key another writer registered meanwhile for another entity is refused; the
    /// registrations to store are returned: each new one, and each stored one with what the declaration adds to it.
    /// Keys whose declarations add nothing need no lock: a registration only ever grows, and a check against one read
    /// earlier stays true.
    /// </summary>
    public static async Task<IReadOnlyList<ActorRegistration>> ClaimAsync(IDocumentSession session, NpgsqlConnection connection, IReadOnlyList<ActorRegistration> adding, Func<ActorRegistration, string> pathOf, List<FactFileError> errors, CancellationToken cancellationToken)
    {
        var ordered = adding.OrderBy(registration => registration.Id, StringComparer.Ordinal).ToArray();
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
        var claimed = new List<ActorRegistration>();
        foreach (var registration in ordered)
        {
            if (!meanwhile.TryGetValue(registration.Id, out var other))
            {
                claimed.Add(registration);
            }
            else if (!other.SameEntity(registration))
            {
                errors.Add(new FactFileError(pathOf(registration), null, $"actors.{registration.Id}", $"declares '{registration.Id}' as {registration.Describe()}, but another ingest has just registered it as {other.Describe()} (declared in document '{other.DeclaredIn}'): an actor key names one entity in the whole ledger; give this one another key."));
            }
            else if (other.IsAddedToBy(registration))
            {
                claimed.Add(other.Merge(registration));
            }
        }

        return claimed;
    }

    /// <summary>
    /// Loads, in one plain SQL statement (<see cref="LookupSql"/>), what the register knows about the actors
    /// <paramref name="texts"/> name: the registrations of which a text is the key, name or alias, and, to find those that
    /// belong to a country a text names, the actors of no country of their own that are members of a body, with their
    /// bodies. A directory of these selects for each text what the whole register would (<see cref="ActorDirectory.Select"/>).
    /// </summary>
    public static async Task<ActorDirectory> LoadAsync(IQuerySession session, IReadOnlyCollection<string> texts, CancellationToken cancellationToken)
    {
        var options = session.DocumentStore.Options;
        var tenanted = options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        var terms = texts.Select(ActorTerms.ForName).Distinct(StringComparer.Ordinal).ToArray();
        var serializer = options.Serializer();
        var found = new List<ActorRegistration>();
        await foreach (var row in SqlRows.ReadAsync(session, LookupSql(session.DocumentStore), tenanted ? [terms, session.TenantId] : [terms], cancellationToken).ConfigureAwait(false))
        {
            found.Add(serializer.FromJson<ActorRegistration>(row, 0));
        }

        return new ActorDirectory(found);
    }

    /// <summary>Reads the whole register, for the spellings near a text that names no one (a register holds an entry an actor, not a fact).</summary>
    public static async Task<IReadOnlyList<ActorRegistration>> ReadAllAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var options = session.DocumentStore.Options;
        var tenanted = options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        var table = options.FindOrResolveDocumentType(typeof(ActorRegistration)).TableName.QualifiedName;
        var serializer = options.Serializer();
        var found = new List<ActorRegistration>();
        await foreach (var row in SqlRows.ReadAsync(session, tenanted ? $"select data from {table} where tenant_id = $1" : $"select data from {table}", tenanted ? [session.TenantId] : [], cancellationToken).ConfigureAwait(false))
        {
            found.Add(serializer.FromJson<ActorRegistration>(row, 0));
        }

        return found;
    }

    /// <summary>
    /// Gets the statement <see cref="LoadAsync"/> runs, with the names' terms as <c>$1</c> (and the tenant as <c>$2</c>):
    /// each of its parts is read by an index, the names by the GIN index of the terms, the members by the partial index
    /// of <see cref="Members"/>, their bodies by key. Written as one condition through Marten's document query, the three
    /// parts would be planned as a scan of the whole register.
    /// </summary>
    public static string LookupSql(IDocumentStore store)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(ActorRegistration)).TableName.QualifiedName;
        var tenant = store.Options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined ? "tenant_id = $2 and " : string.Empty;
        return $"""
            select data from {table} where {tenant}terms && $1
            union all select data from {table} where {tenant}{Members}
            union all select data from {table} where {tenant}id in (select member_of from {table} where {tenant}{Members})
            """;
    }

    /// <summary>
    /// Checks that the register is as this version writes it, so that what a text names can be read from it: every
    /// registration with its terms, and registrations for the facts the ledger holds. An earlier version registered no
    /// actors, or kept only the names and none of the bodies the first document gave them, without terms.
    /// </summary>
    /// <exception cref="InvalidOperationException">The register was written by an earlier version: rebuild.</exception>
    public static async Task CheckCurrentAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        bool outdated;
        try
        {
            outdated = await session.Query<ActorRegistration>().WhereSql(FactNarrowing.WithoutTerms("d.terms")).AnyAsync(cancellationToken).ConfigureAwait(false)
                || (!await session.Query<ActorRegistration>().AnyAsync(cancellationToken).ConfigureAwait(false)
                    && await session.Events.QueryAllRawEvents().AnyAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (Missing(exception))
        {
            // A store that may not change its tables reads them as an earlier version laid them out.
            outdated = true;
        }

        if (outdated)
        {
            throw new InvalidOperationException(
                "The ledger's register of actors was written by an earlier version, which did not keep what a question needs to know what an actor's name "
                + "or country names; rebuild the projections once (`ledger rebuild`, or Ledger.RebuildProjectionsAsync), which writes it again from the events.");
        }
    }

    /// <summary>
    /// Writes the register again, in the session's transaction, from what it holds and what <paramref name="declared"/>
    /// (every declaration of the events, in the order recorded) adds: a registration for every key, with every name and
    /// the body its declarations give, and its terms. A register written by an earlier version is thus made whole.
    /// </summary>
    public static async Task MendAsync(IDocumentSession session, ActorDirectory declared, CancellationToken cancellationToken)
    {
        var register = new ActorDirectory(await session.Query<ActorRegistration>().ToListAsync(cancellationToken).ConfigureAwait(false));
        foreach (var registration in declared.Registrations)
        {
            register.Declare(registration);
        }

        if (register.Registrations.Count > 0)
        {
            session.Store([.. register.Registrations]);
            await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tells whether the server refused a statement for a table or column the store does not have.</summary>
    private static bool Missing(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedTable })
            {
                return true;
            }
        }

        return false;
    }
}
