namespace CooperationLedger.Answers;

/// <summary>
/// The ledger's tables in the database were laid out otherwise than the store is set up (for tenants where the store
/// has none, or the other way round), or do not exist in a store that may not create them (it must be migrated with
/// <see cref="Ledger.MigrateAsync"/> first); the ledger refused to touch them, and nothing was changed.
/// </summary>
public sealed class LedgerSchemaException : InvalidOperationException
{
    /// <summary>Initializes the exception with the sentence that says what does not match and what to do.</summary>
    /// <param name="message">What does not match, and what to do.</param>
    public LedgerSchemaException(string message)
        : base(message)
    {
    }
}
