namespace CooperationLedger.Facts;

/// <summary>Which way a claim with no number says a statistic went, when its words say so.</summary>
public enum Direction
{
    /// <summary>It rose ("a sharp rise").</summary>
    Increase,

    /// <summary>It fell ("fewer than before").</summary>
    Decrease,

    /// <summary>It held ("remained at the same level").</summary>
    NoChange,
}
