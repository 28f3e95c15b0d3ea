namespace CooperationLedger.Facts;

/// <summary>What a claimed statistic's number measures.</summary>
public enum StatisticKind
{
    /// <summary>A level for the period ("2 tonnes seized").</summary>
    Level,

    /// <summary>A change in percent against the baseline period ("39.5% more").</summary>
    PercentChange,

    /// <summary>A change in the unit against the baseline period ("200 kg more").</summary>
    AbsoluteChange,
}
