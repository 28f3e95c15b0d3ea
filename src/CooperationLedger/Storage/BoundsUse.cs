namespace CooperationLedger.Storage;

/// <summary>How a query's as-of bounds may be used by PostgreSQL (see <see cref="AsOfBounds"/>).</summary>
internal enum BoundsUse
{
    /// <summary>The planner may look the bounds up in their indexes: for questions about the whole ledger or one actor.</summary>
    Indexed,

    /// <summary>
    /// The bounds are checked on the entries that the question's other conditions find, never looked up: for questions
    /// whose other conditions find few entries, however long the history.
    /// </summary>
    CheckOnly,
}
