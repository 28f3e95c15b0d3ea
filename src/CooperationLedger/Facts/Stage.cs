namespace CooperationLedger.Facts;

/// <summary>How far along a fact is: stated, promised, bound, or done.</summary>
public enum Stage
{
    /// <summary>Stated as having happened or being so, with no promise involved (a meeting, a statistic).</summary>
    Reported,

    /// <summary>Promised by a party, not binding: "will donate", "scheduled for January 2007"; its date is when it was announced.</summary>
    Pledged,

    /// <summary>Bound by an agreement or a decision, not yet delivered.</summary>
    Committed,

    /// <summary>Delivered, signed, held.</summary>
    Realised,

    /// <summary>Expected by the outlet, promised by no party: "it appears that", "is expected to"; kept apart from a pledge.</summary>
    /// <remarks>Last, so that the stages stored before it keep their numbers.</remarks>
    Expected,
}
