using Marten;
using Marten.Services;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// Opens the ledger's sessions, for one tenant when the store is multi-tenanted (Marten's conjoined tenancy), so that
/// every read and write of a tenant's ledger is scoped to that tenant and no query can reach another's facts.
/// </summary>
internal sealed class LedgerSessions(IDocumentStore store, string? tenant, SchemaGuard guard)
{
    public IDocumentStore Store => store;

    /// <summary>Gets today's date, in UTC, by the clock that stamps the store's recorded times.</summary>
    public NodaTime.LocalDate Today => NodaTime.LocalDate.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Gets the instant now, by the clock that stamps the store's recorded times.</summary>
    public NodaTime.Instant Now => NodaTime.Instant.FromDateTimeOffset(Clock.GetUtcNow());

    private TimeProvider Clock => ((Marten.Events.EventGraph)store.Options.Events).TimeProvider;

    /// <summary>Checks the tables' tenancy before their first use; see <see cref="SchemaGuard"/>.</summary>
    public SchemaGuard Guard => guard;

    public string? Tenant => tenant;

    public IQuerySession Query() => tenant is null ? store.QuerySession() : store.QuerySession(tenant);

    public IDocumentSession Write() => tenant is null ? store.LightweightSession() : store.LightweightSession(tenant);

    /// <summary>Opens a session that works in a transaction the caller owns: saving it does not commit.</summary>
    public IDocumentSession Write(NpgsqlTransaction transaction)
    {
        var options = SessionOptions.ForTransaction(transaction);
        if (tenant is not null)
        {
            options.TenantId = tenant;
        }

        return store.LightweightSession(options);
    }
}
