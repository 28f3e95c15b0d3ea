namespace CooperationLedger.Facts;

/// <summary>An event in the ledger: a reported fact or a revision of one, always with its citation.</summary>
public interface ILedgerEvent
{
    /// <summary>Gets the event's deterministic id, derived from its document and key (see <see cref="FactIds"/>).</summary>
    Guid FactId { get; }

    /// <summary>Gets the fact's key, <c>document-key/fact-key</c>, unique in the ledger.</summary>
    string Key { get; }

    /// <summary>Gets where the fact comes from.</summary>
    Citation Citation { get; }
}
