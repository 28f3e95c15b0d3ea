namespace CooperationLedger.Facts;

/// <summary>The views facts are projected into; a kind says which it feeds (see <see cref="FactKind.Feeds"/>).</summary>
internal enum FactView
{
    /// <summary>Donor totals: who gave what to whom.</summary>
    Donations,

    /// <summary>Claimed statistics, side by side with disputes.</summary>
    Claims,

    /// <summary>Agreements in effect.</summary>
    Agreements,

    /// <summary>The timeline, which keeps every reported fact.</summary>
    Timeline,
}
