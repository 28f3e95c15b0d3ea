using Marten;

namespace CooperationLedger.Hosting;

/// <summary>
/// Opens the ledger's sessions, for one tenant when the store is multi-tenanted (Marten's conjoined tenancy), so that
/// every read and write of a tenant's ledger is scoped to that tenant and no query can reach another's facts.
/// </summary>
internal sealed class LedgerSessions(IDocumentStore store, string? tenant)
{
    public IDocumentStore Store => store;

    public string? Tenant => tenant;

    public IQuerySession Query() => tenant is null ? store.QuerySession() : store.QuerySession(tenant);

    public IDocumentSession Write() => tenant is null ? store.LightweightSession() : store.LightweightSession(tenant);
}
