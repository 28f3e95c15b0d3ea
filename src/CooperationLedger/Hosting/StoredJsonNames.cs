using System.Text.Json;
using Marten;

namespace CooperationLedger.Hosting;

/// <summary>
/// The JSON names a store's serializer gives the event fields that the ledger's SQL reads straight from the events
/// table (<see cref="Sources.CitationLookup"/>): <c>factId</c> under camelCase, <c>FactId</c> under Marten's default,
/// <c>fact_id</c> under snake_case. They are learnt by writing a record with fields of the same names through the
/// serializer, so any naming policy an application sets is followed.
/// </summary>
/// <param name="FactId">The name of <c>FactId</c>.</param>
/// <param name="Citation">The name of <c>Citation</c>.</param>
internal sealed record StoredJsonNames(string FactId, string Citation)
{
    public static StoredJsonNames Learn(ISerializer serializer)
    {
        using var written = JsonDocument.Parse(serializer.ToJson(new Fields(Guid.NewGuid(), 1)));
        var names = written.RootElement.EnumerateObject().Select(property => property.Name).ToArray();
        return names.Length == 2
            ? new StoredJsonNames(names[0], names[1])
            : throw new InvalidOperationException($"The store's serializer wrote {names.Length} fields of a record of two; CooperationLedger cannot read its events.");
    }

    /// <summary>Fields named as the ledger's events name them, in this order.</summary>
    private sealed record Fields(Guid FactId, int Citation);
}
