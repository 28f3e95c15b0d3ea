namespace CooperationLedger.Facts;

/// <summary>How exactly a source states an amount.</summary>
public enum Approximation
{
    /// <summary>The amount as stated, with no hedge.</summary>
    Exact,

    /// <summary>"Around", "about", "some": the source hedges.</summary>
    About,

    /// <summary>"At least", "more than": the amount is a lower bound.</summary>
    AtLeast,

    /// <summary>"At most", "up to": the amount is an upper bound.</summary>
    AtMost,

    /// <summary>Between the amount and an upper bound, both given by the source.</summary>
    Range,
}
