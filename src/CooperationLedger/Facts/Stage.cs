namespace CooperationLedger.Facts;

/// <summary>How far along a fact is: stated, promised, bound, or done.</summary>
public enum Stage
{
    /// <summary>Stated as having happened or being so, with no promise involved (a meeting, a statistic).</summary>
    Reported,

    /// <summary>Promised or expected, not binding: "will donate", "is expected in 2012", "scheduled for January 2007".</summary>
    Pledged,

    /// <summary>Bound by an agreement or a decision, not yet delivered.</summary>
    Committed,

    /// <summary>Delivered, signed, held.</summary>
    Realised,
}
